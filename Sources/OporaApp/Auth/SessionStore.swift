import Fluent
import Foundation
import Vapor

/// Sessions in Fluent's `_fluent_sessions` table, written only when their data changed. Vapor's
/// middleware saves the session after every request that carries a cookie; measured at region size on
/// SQLite, those writes of every reader queued on the database's lock and cost more than the pages.
struct SessionStore: AsyncSessionDriver {
    /// The data as read for this request, to tell whether it changed.
    private struct ReadKey: StorageKey { typealias Value = [String: String] }

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        var bytes = [UInt8](repeating: 0, count: 32)
        for i in bytes.indices { bytes[i] = .random(in: .min ... .max) }
        let id = SessionID(string: Data(bytes).base64EncodedString())
        try await SessionRecord(key: id, data: data).create(on: request.db)
        return id
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        let data = try await SessionRecord.query(on: request.db).filter(\.$key == sessionID).first()?.data
        request.storage[ReadKey.self] = data?.snapshot
        return data
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        guard request.storage[ReadKey.self] != data.snapshot else { return sessionID }
        try await SessionRecord.query(on: request.db).filter(\.$key == sessionID).set(\.$data, to: data).update()
        request.storage[ReadKey.self] = data.snapshot
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await SessionRecord.query(on: request.db).filter(\.$key == sessionID).delete()
    }
}
