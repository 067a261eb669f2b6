/// Internal failures of a build that are not about the content (the content's own problems are
/// `Diagnostic`s).
enum SiteBuildError: Error, CustomStringConvertible {
    case missingTemplate(String, theme: String)

    var description: String {
        switch self {
        case .missingTemplate(let name, let theme): "the theme `\(theme)` has no template `\(name)`"
        }
    }
}
