// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer targets for Explainer's input-facing code. Built only by `make fuzz`, with
/// `-sanitize=fuzzer,address`; each target feeds libFuzzer's inputs to one stage.
let package = Package(
    name: "ExplainerFuzz",
    dependencies: [.package(name: "Explainer", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "FuzzArticle",
            dependencies: ["FuzzSupport", .product(name: "ExplainerPipeline", package: "Explainer")]),
        .executableTarget(
            name: "FuzzFrontMatter",
            dependencies: ["FuzzSupport", .product(name: "ExplainerPipeline", package: "Explainer")]),
        .executableTarget(
            name: "FuzzMarkdown",
            dependencies: ["FuzzSupport", .product(name: "ExplainerPipeline", package: "Explainer")]),
    ]
)
