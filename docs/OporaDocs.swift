import Foundation

/// The users' guides — the Markdown files of this folder — built into the app as resources, so that
/// it serves them at `/help` (this folder is the package's target `OporaDocs`).
public enum OporaDocs {
    /// Every guide, in the order `/help` lists them: file name (without `.md`) and who it is for.
    public static let guides: [(name: String, audience: String)] = [
        ("coordinator", "для координатора школы"),
        ("methodist", "для методиста"),
        ("metodika", "методика выявления НРО и НСУ и оценка эффекта программы"),
        ("administrator", "для администратора"),
    ]

    /// The Markdown of a guide; nil for a name that is not one.
    public static func markdown(_ name: String) -> String? {
        guard guides.contains(where: { $0.name == name }),
              let url = Bundle.module.url(forResource: name, withExtension: "md") else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }
}
