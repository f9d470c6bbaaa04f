import Testing

/// The suites of the network module: risk profiles, search, partners, evidence and the management cycle.
@Suite enum NetworkTests {}
