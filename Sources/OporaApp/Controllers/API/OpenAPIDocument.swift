import Foundation

/// The OpenAPI 3 description of `/api/v1`: `Sources/OporaApp/openapi.json`, a resource of this
/// target. It is written once: the app serves it as it is, and swift-openapi-generator makes its
/// schemas into the types the API answers with (`Components.Schemas.*`, generated at build time).
/// A test walks every path in it against the routes; api-fuzz checks every answer against it.
enum OpenAPIDocument {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "openapi.json is not in the resources bundle of OporaApp (Opora_OporaApp.resources beside the executable)" }
    }

    /// The document's bytes, read from the bundle (once, when the routes are registered).
    static func load() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else { throw Missing() }
        return try Data(contentsOf: url)
    }
}
