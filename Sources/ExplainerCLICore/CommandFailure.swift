import ArgumentParser
import Content
import Foundation

/// Problems to report on standard error before exiting with status 1.
///
/// Thrown by subcommands; `ExplainerCommand` prints each diagnostic as
/// `file:line:column: error: message` with its hint.
struct CommandFailure: Error, CustomStringConvertible {
    var diagnostics: [Diagnostic]

    var description: String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        return diagnostics.map(\.description).joined(separator: "\n")
            + "\n\(errors) error\(errors == 1 ? "" : "s") found."
    }
}

extension CommandFailure: LocalizedError {
    var errorDescription: String? { description }
}
