@testable import OporaDomain

/// The competence areas as shipped, which the people module's files and rules are read and graded against.
let areas = CompetenceAreas.defaults
