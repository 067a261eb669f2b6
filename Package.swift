// swift-tools-version: 6.1
import PackageDescription

/// Explainer: news articles in, question-and-answer explainer sites out.
///
/// The targets follow the data: content file → `Content.Article` → `ExplainerEngine.Explainer`
/// → `Markdown` (HTML fragments) → `Site` (themed pages in an output folder) → the CLI.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Explainer",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "explainer", targets: ["ExplainerCLI"]),
        // The pipeline's modules, for the fuzzers in Fuzz/ (a package of its own).
        .library(name: "ExplainerPipeline", targets: ["Content", "ExplainerEngine", "Markdown"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        // cmark-gfm from Debian (libcmark-gfm-dev + libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Content files → `Article`: the .txt/.md loader, front matter, slugs, diagnostics.
        .target(
            name: "Content",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // `Article` → `Explainer`: cleaning, sentences, lexicon, tagging, questions and answers.
        .target(
            name: "ExplainerEngine",
            dependencies: ["Content"],
            resources: [.copy("Resources/Words")],
            swiftSettings: swiftSettings
        ),
        // Markdown → HTML through cmark-gfm; the only module that touches C.
        .target(
            name: "Markdown",
            dependencies: ["CCmarkGFM"],
            swiftSettings: swiftSettings
        ),
        // Explainers → themed site: themes, pages, feeds, sitemap, search index, atomic output.
        .target(
            name: "Site",
            dependencies: [
                "Content", "ExplainerEngine", "Markdown",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        // `explainer serve`: the preview server with live reload (Hummingbird 2).
        .target(
            name: "Preview",
            dependencies: [
                "Content", "Site",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/live-reload.js")],
            swiftSettings: swiftSettings
        ),
        // The commands, as a library so tests can drive them.
        .target(
            name: "ExplainerCLICore",
            dependencies: [
                "Content", "ExplainerEngine", "Markdown", "Site", "Preview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ExplainerCLI",
            dependencies: [
                "ExplainerCLICore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ContentTests", dependencies: ["Content"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ExplainerEngineTests", dependencies: ["ExplainerEngine", "Content"], resources: [.copy("FuzzCrashes")]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Content", "ExplainerEngine", "Markdown"]),
        .testTarget(
            name: "PreviewTests",
            dependencies: [
                "Preview", "Site",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "RobustnessTests", dependencies: ["Site", "Content"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "ExplainerCLICore", "Site", "Content", "ExplainerEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ]
)
