import Testing
@testable import ExplainerEngine
