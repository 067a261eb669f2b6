import Content
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `search.json` straight to a file, one explainer's fragment after another.
///
/// A fragment is an explainer's entries (`SearchIndexWriter.fragment(for:)`). An unchanged
/// explainer's fragment is copied from the previous `search.json` (runs of them in one write),
/// so after one edit of a ten-thousand-explainer site the 50 MB index is rewritten without
/// encoding any other explainer or holding the index in memory.
struct SearchIndexFile {
    /// Where an explainer's fragment comes from.
    enum Source {
        /// Bytes of the previous index.
        case previous(offset: Int, length: Int)
        case explainer(PublishedExplainer)
    }

    /// Writes the index at the absolute path `path` from `entries` (in site order), reading
    /// unchanged fragments from `previous`; returns where each fragment now sits, in the same order.
    static func write(
        to path: String, entries: [(slug: String, key: StableHasher.Digest, source: Source)], previous: String?
    ) throws -> [BuildCache.SearchFragment] {
        let output = try BufferedFile(path: path)
        let input = previous.map { open($0, O_RDONLY | O_CLOEXEC) } ?? -1
        defer { if input >= 0 { _ = systemClose(input) } }
        var fragments: [BuildCache.SearchFragment] = []
        fragments.reserveCapacity(entries.count)
        // A run of previous bytes not yet written, extended while fragments stay contiguous.
        var pendingRun: Range<Int>?
        var written = 0
        func flushRun() throws {
            guard let run = pendingRun else { return }
            try output.copy(from: input, range: run)
            pendingRun = nil
        }
        try output.write([UInt8(ascii: "[")])
        written = 1
        var first = true
        for entry in entries {
            switch entry.source {
            case .previous(let offset, let length):
                guard length > 0 else {
                    fragments.append(.init(slug: entry.slug, key: entry.key, offset: 0, length: 0))
                    continue
                }
                let start = written + (first ? 0 : 1)
                if !first {
                    // The comma before a fragment is in the previous file too when the two
                    // fragments were neighbours there.
                    if let run = pendingRun, run.upperBound + 1 == offset {
                        pendingRun = run.lowerBound..<(offset + length)
                    } else {
                        try flushRun()
                        try output.write([UInt8(ascii: ",")])
                        pendingRun = offset..<(offset + length)
                    }
                } else {
                    pendingRun = offset..<(offset + length)
                }
                written = start + length
                first = false
                fragments.append(.init(slug: entry.slug, key: entry.key, offset: start, length: length))
            case .explainer(let item):
                let fragment = SearchIndexWriter().fragment(for: item)
                guard !fragment.isEmpty else {
                    fragments.append(.init(slug: entry.slug, key: entry.key, offset: 0, length: 0))
                    continue
                }
                try flushRun()
                if !first { try output.write([UInt8(ascii: ",")]) }
                let start = written + (first ? 0 : 1)
                try output.write(fragment)
                written = start + fragment.count
                first = false
                fragments.append(.init(slug: entry.slug, key: entry.key, offset: start, length: fragment.count))
            }
        }
        try flushRun()
        try output.write([UInt8(ascii: "]")])
        try output.close()
        return fragments
    }
}

/// A file written through a buffer of a megabyte, with plain `write` calls; closed when done
/// with, whether or not `close()` was called.
final class BufferedFile {
    private var descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 20

    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw Diagnostic(at: SourceLocation(file: path, line: 0, column: 0), "cannot write the file: \(String(cString: strerror(errno)))")
        }
        buffer.reserveCapacity(Self.capacity)
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count <= Self.capacity {
            buffer.append(contentsOf: bytes)
            return
        }
        try flush()
        if bytes.count >= Self.capacity {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    private func flush() throws {
        try buffer.withUnsafeBytes { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let count = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw Diagnostic(at: SourceLocation(file: path, line: 0, column: 0), "cannot write the file: \(String(cString: strerror(errno)))")
            }
            offset += count
        }
    }

    /// Appends the bytes at `range` of the open file `input`, copied inside the kernel
    /// (`copy_file_range`) where it can, with `pread` otherwise.
    func copy(from input: Int32, range: Range<Int>) throws {
        guard input >= 0 else { throw failure("cannot read the previous search index") }
        try flush()
        var offset = Int64(range.lowerBound)
        var remaining = range.count
        if let copyFileRange = Self.copyFileRange {
            while remaining > 0 {
                let copied = copyFileRange(input, &offset, descriptor, nil, remaining, 0)
                if copied < 0, errno == EINTR { continue }
                guard copied > 0 else { break }
                remaining -= copied
            }
        }
        var chunk = [UInt8](repeating: 0, count: min(remaining, Self.capacity))
        while remaining > 0 {
            let count = chunk.withUnsafeMutableBytes { pread(input, $0.baseAddress!, min(remaining, $0.count), off_t(offset)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw failure("cannot read the previous search index") }
            try chunk.withUnsafeBytes { try writeAll(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            offset += Int64(count)
            remaining -= count
        }
    }

    private func failure(_ message: String) -> Diagnostic {
        Diagnostic(at: SourceLocation(file: path, line: 0, column: 0), "\(message): \(String(cString: strerror(errno)))")
    }

    private typealias CopyFileRange = @convention(c) (Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32) -> Int

    /// Linux's `copy_file_range`, which glibc's headers hide from Swift; nil where it is missing.
    private static let copyFileRange: CopyFileRange? = {
        #if os(Linux)
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "copy_file_range") else { return nil }
        return unsafeBitCast(symbol, to: CopyFileRange.self)
        #else
        return nil
        #endif
    }()

    /// Writes what is buffered and closes the file.
    func close() throws {
        try flush()
        _ = systemClose(descriptor)
        descriptor = -1
    }

    deinit {
        if descriptor >= 0 { _ = systemClose(descriptor) }
    }
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
