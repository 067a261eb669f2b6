import Foundation

/// Writes the build cache's compact binary form: variable-length integers, length-prefixed
/// UTF-8 strings, fixed-width digests.
///
/// The cache holds a summary of every article; at ten thousand articles JSON took longer to
/// read back than the rebuild it was meant to save.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func write(_ value: Int) {
        // Zig-zag, so small negative numbers stay short.
        let signed = Int64(value)
        write(UInt64(bitPattern: (signed << 1) ^ (signed >> 63)))
    }

    mutating func write(_ value: Int64) {
        write(Int(value))
    }

    mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            write(UInt64(buffer.count))
            bytes.append(contentsOf: buffer)
        }
    }

    mutating func write(_ text: String?) {
        write(text != nil)
        if let text { write(text) }
    }

    mutating func write(_ texts: [String]) {
        write(UInt64(texts.count))
        for text in texts { write(text) }
    }

    mutating func write(_ date: Date?) {
        write(date != nil)
        if let date { write(date.timeIntervalSinceReferenceDate.bitPattern) }
    }

    mutating func write(_ digest: StableHasher.Digest) {
        withUnsafeBytes(of: digest.high.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: digest.low.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(raw: Data) {
        bytes.append(contentsOf: raw)
    }

    /// Hands what is written so far to `file` once it passes a megabyte.
    mutating func flushIfLarge(to file: BufferedFile?) throws {
        guard let file, bytes.count >= 1 << 20 else { return }
        try file.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func write(_ stamp: FileStamp) {
        write(stamp.device)
        write(stamp.inode)
        write(stamp.size)
        write(stamp.modified)
        write(stamp.changed)
    }
}

/// Reads what `BinaryWriter` wrote; any inconsistency throws `BinaryReader.Malformed`, and the
/// cache is then ignored.
///
/// It reads from `Data`, which may map the cache file rather than copy it: slices of it
/// (`slice(from:)`) share that memory.
struct BinaryReader {
    struct Malformed: Error {}

    let bytes: Data
    private(set) var offset: Int

    init(_ bytes: Data) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    init(_ bytes: [UInt8]) {
        self.init(Data(bytes))
    }

    var isAtEnd: Bool { offset == bytes.endIndex }

    /// The bytes from `start` to the current offset.
    func slice(from start: Int) -> Data {
        bytes[start..<offset]
    }

    @inline(__always)
    private func byte(at index: Int) -> UInt8 {
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in raw[index - bytes.startIndex] }
    }

    mutating func readUInt64() throws(Malformed) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        let (value, next) = bytes.withUnsafeBytes { raw -> (UInt64?, Int) in
            var index = offset - bytes.startIndex
            while index < raw.count, shift < 64 {
                let byte = raw[index]
                index += 1
                result |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return (result, index + bytes.startIndex) }
                shift += 7
            }
            return (nil, index + bytes.startIndex)
        }
        guard let value else { throw Malformed() }
        offset = next
        return value
    }

    mutating func readInt() throws(Malformed) -> Int {
        let raw = try readUInt64()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    mutating func readInt64() throws(Malformed) -> Int64 {
        Int64(try readInt())
    }

    /// A count of things that follow, checked against what is left so a corrupt count cannot
    /// ask for a huge allocation.
    mutating func readCount() throws(Malformed) -> Int {
        let count = try readUInt64()
        guard count <= UInt64(bytes.endIndex - offset) else { throw Malformed() }
        return Int(count)
    }

    mutating func readBool() throws(Malformed) -> Bool {
        guard offset < bytes.endIndex else { throw Malformed() }
        defer { offset += 1 }
        switch byte(at: offset) {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    mutating func readString() throws(Malformed) -> String {
        let count = try readCount()
        let start = offset - bytes.startIndex
        offset += count
        return bytes.withUnsafeBytes { String(decoding: UnsafeRawBufferPointer(rebasing: $0[start..<(start + count)]), as: UTF8.self) }
    }

    mutating func skipString() throws(Malformed) {
        offset += try readCount()
    }

    mutating func readOptionalString() throws(Malformed) -> String? {
        try readBool() ? try readString() : nil
    }

    mutating func readStrings() throws(Malformed) -> [String] {
        let count = try readCount()
        var result: [String] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try readString()) }
        return result
    }

    mutating func readDate() throws(Malformed) -> Date? {
        guard try readBool() else { return nil }
        return Date(timeIntervalSinceReferenceDate: Double(bitPattern: try readUInt64()))
    }

    mutating func readDigest() throws(Malformed) -> StableHasher.Digest {
        guard offset + 16 <= bytes.endIndex else { throw Malformed() }
        let start = offset - bytes.startIndex
        let (high, low) = bytes.withUnsafeBytes { raw in
            (UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)),
             UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self)))
        }
        offset += 16
        return StableHasher.Digest(high: high, low: low)
    }

    mutating func readStamp() throws(Malformed) -> FileStamp {
        FileStamp(
            device: try readUInt64(), inode: try readUInt64(), size: try readInt64(),
            modified: try readInt64(), changed: try readInt64())
    }
}
