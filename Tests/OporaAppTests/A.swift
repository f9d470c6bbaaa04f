import Testing
import VaporTesting
@testable import OporaApp
