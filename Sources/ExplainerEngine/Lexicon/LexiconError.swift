/// Why a lexicon could not be loaded.
public enum LexiconError: Error, Sendable, CustomStringConvertible {
    /// A word list is missing from the module's `Words` resources.
    case missingWordList(String)
    /// A WordNet file could not be read.
    case unreadableWordNetFile(String)

    public var description: String {
        switch self {
        case .missingWordList(let name): "the word list \(name).txt is missing from the engine's resources"
        case .unreadableWordNetFile(let path):
            "cannot read the WordNet file \(path); install Debian's wordnet-base (make deps) or set WNSEARCHDIR"
        }
    }
}
