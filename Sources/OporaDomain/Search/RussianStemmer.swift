/// The Snowball stemmer for Russian (snowballstem.org/algorithms/russian/stemmer.html), written from the
/// algorithm's description. It cuts endings, not roots: «стажировка», «стажировки», «стажировкой» all give
/// «стажировк», so that a search finds a word in any case and number.
///
/// The input is one lower-cased word of Russian letters with «ё» already written as «е».
public enum RussianStemmer {
    public static func stem(_ word: String) -> String {
        var w = Array(word)
        let (rv, r2) = regions(w)

        // Step 1: a perfective gerund; otherwise a reflexive ending, then an adjectival, verb or noun ending.
        if !remove(perfectiveGerund, from: &w, rv: rv) {
            _ = remove(reflexive, from: &w, rv: rv)
            if !removeAdjectival(from: &w, rv: rv), !remove(verb, from: &w, rv: rv) {
                _ = remove(noun, from: &w, rv: rv)
            }
        }
        // Step 2
        if w.count > rv, w.last == "и" { w.removeLast() }
        // Step 3: the whole derivational ending must lie in R2.
        _ = remove(derivational, from: &w, rv: max(rv, r2))
        // Step 4: undouble «н», or remove a superlative ending and then undouble «н», or remove «ь».
        if remove(superlative, from: &w, rv: rv) {
            undoubleN(&w, rv: rv)
        } else if w.count > rv, w.last == "н" {
            undoubleN(&w, rv: rv)
        } else if w.count > rv, w.last == "ь" {
            w.removeLast()
        }
        return String(w)
    }

    /// An ending and whether it counts only after «а» or «я» (which stays).
    typealias Ending = (text: [Character], afterAOrYa: Bool)

    private static func endings(after: [String] = [], _ plain: [String]) -> [Ending] {
        after.map { (Array($0), true) } + plain.map { (Array($0), false) }
    }

    static let perfectiveGerund = endings(after: ["в", "вши", "вшись"], ["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"])
    static let adjective = endings(["ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом", "его",
                                    "ого", "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"])
    static let participle = endings(after: ["ем", "нн", "вш", "ющ", "щ"], ["ивш", "ывш", "ующ"])
    static let reflexive = endings(["ся", "сь"])
    static let verb = endings(after: ["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть",
                                      "ешь", "нно"],
                              ["ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им", "ым", "ен",
                               "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю"])
    static let noun = endings(["а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей", "ой", "ий",
                               "й", "иям", "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию", "ью", "ю",
                               "ия", "ья", "я"])
    static let superlative = endings(["ейш", "ейше"])
    static let derivational = endings(["ост", "ость"])

    private static let vowels: Set<Character> = ["а", "е", "и", "о", "у", "ы", "э", "ю", "я"]

    /// RV begins after the first vowel; R1 after the first non-vowel that follows a vowel; R2 is R1 taken
    /// again within R1. A region that does not exist begins at the end of the word.
    static func regions(_ w: [Character]) -> (rv: Int, r2: Int) {
        var i = 0
        func pastVowel() -> Bool {
            while i < w.count { defer { i += 1 }; if vowels.contains(w[i]) { return true } }
            return false
        }
        func pastNonVowel() -> Bool {
            while i < w.count { defer { i += 1 }; if !vowels.contains(w[i]) { return true } }
            return false
        }
        guard pastVowel() else { return (w.count, w.count) }
        let rv = i
        guard pastNonVowel(), pastVowel(), pastNonVowel() else { return (rv, w.count) }
        return (rv, i)
    }

    /// Removes the longest of `list` that ends the word within the region from `rv`. As in Snowball, only
    /// the longest ending is tried: when it needs «а» or «я» before it and has none, nothing is removed.
    @discardableResult
    private static func remove(_ list: [Ending], from w: inout [Character], rv: Int) -> Bool {
        let found = list.filter { w.count - $0.text.count >= rv && w.suffix($0.text.count).elementsEqual($0.text) }
            .max { $0.text.count < $1.text.count }
        guard let found else { return false }
        let start = w.count - found.text.count
        if found.afterAOrYa {
            guard start - 1 >= rv, w[start - 1] == "а" || w[start - 1] == "я" else { return false }
        }
        w.removeLast(found.text.count)
        return true
    }

    /// An adjective ending, and then a participle suffix before it if there is one.
    private static func removeAdjectival(from w: inout [Character], rv: Int) -> Bool {
        guard remove(adjective, from: &w, rv: rv) else { return false }
        remove(participle, from: &w, rv: rv)
        return true
    }

    private static func undoubleN(_ w: inout [Character], rv: Int) {
        if w.count - 2 >= rv, w.suffix(2).elementsEqual(["н", "н"]) { w.removeLast() }
    }
}
