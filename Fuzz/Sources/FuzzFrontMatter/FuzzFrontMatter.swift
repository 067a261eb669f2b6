import FuzzSupport
import Content

/// Any bytes as YAML front matter: parsed or rejected with a located diagnostic, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let yaml = fuzzText(data, size)
    do {
        _ = try FrontMatterParser().split("---\n" + yaml + "\n---\nBody.\n", path: "fuzz/front-matter.md")
    } catch {
        if error.location.line < 0 || error.message.isEmpty { fatalError("a diagnostic without place or message: \(error)") }
    }
    return 0
}

@_cdecl("FuzzFrontMatter_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzzFrontMatter($0, $1) }
}
