import Foundation

/// Search over Russian texts by word stems, so that «стажировки» finds «стажировка». A text is indexed as
/// a document string of its terms between spaces, which a database can search with `LIKE '% term %'`
/// (terms hold only letters and digits, so they never contain a `LIKE` wildcard).
public enum SearchIndex {
    /// Lower-cased, «ё» as «е», split at anything but letters and digits; one-letter words (в, с, и, к) are
    /// dropped, Russian words stemmed, Latin words and numbers kept as they are; each term once, in order.
    public static func terms(_ text: String) -> [String] {
        let words = text.lowercased().replacingOccurrences(of: "ё", with: "е")
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        var seen = Set<String>(), terms: [String] = []
        for word in words.map(String.init) {
            if word.count == 1, word.first?.isLetter == true { continue }
            let term = isRussian(word) ? RussianStemmer.stem(word) : word
            if seen.insert(term).inserted { terms.append(term) }
        }
        return terms
    }

    /// « term1 term2 »: every term with a space on each side.
    public static func document(_ text: String) -> String {
        " " + terms(text).joined(separator: " ") + " "
    }

    /// Every term of the query is a whole term of `document` (made by `document(_:)`); an empty query matches.
    public static func matches(query: String, document: String) -> Bool {
        terms(query).allSatisfy { document.contains(" \($0) ") }
    }

    /// Only the 32 letters а…я: the stemmer knows Russian endings, and other Cyrillic letters mean another language.
    private static func isRussian(_ word: String) -> Bool {
        word.unicodeScalars.allSatisfy { (0x430...0x44F).contains($0.value) }
    }
}
