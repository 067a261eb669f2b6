/// What a pronoun refers to: a named entity, or a noun group's text ("the two leaders").
struct Referent: Sendable, Hashable {
    var entity: Int?
    /// The text to put in place of the pronoun.
    var text: String
    var plural: Bool = false
}
