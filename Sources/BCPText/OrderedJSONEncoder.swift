/// An `Encoder` that turns any `Encodable` value into an `OrderedJSON` tree, so that Codable types
/// (the program registry) are written by the project's one JSON writer rather than by
/// Foundation's JSONEncoder, whose layout and escaping differ between Foundation versions.
/// Object keys keep the order the value encodes them in, or are sorted (by UTF-8 bytes) with
/// `sortedKeys`. Integers, booleans, strings and nil only: bcpsim writes no floating point.
public struct OrderedJSONEncoder {
    public struct Unsupported: Error, CustomStringConvertible {
        public var description: String
    }

    public var sortedKeys: Bool

    public init(sortedKeys: Bool = false) { self.sortedKeys = sortedKeys }

    public func encode<T: Encodable>(_ value: T) throws -> OrderedJSON {
        let root = Node()
        try value.encode(to: TreeEncoder(node: root, codingPath: []))
        return root.json(sorted: sortedKeys)
    }
}

/// A node of the tree being built; a class, because containers hand out children that are
/// filled in after they are attached.
private final class Node {
    enum Kind {
        case empty
        case scalar(OrderedJSON)
        case object([(String, Node)])
        case array([Node])
    }

    var kind = Kind.empty

    func child(key: String) -> Node {
        let n = Node()
        if case .object(let members) = kind { kind = .object(members + [(key, n)]) } else { kind = .object([(key, n)]) }
        return n
    }

    func element() -> Node {
        let n = Node()
        if case .array(let items) = kind { kind = .array(items + [n]) } else { kind = .array([n]) }
        return n
    }

    func json(sorted: Bool) -> OrderedJSON {
        switch kind {
        case .empty: return .object([])
        case .scalar(let v): return v
        case .array(let items): return .array(items.map { $0.json(sorted: sorted) })
        case .object(let members):
            let ordered = sorted ? members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) } : members
            return .object(ordered.map { ($0.0, $0.1.json(sorted: sorted)) })
        }
    }
}

private struct TreeEncoder: Encoder {
    let node: Node
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.kind {} else { node.kind = .object([]) }
        return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array = node.kind {} else { node.kind = .array([]) }
        return Unkeyed(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { Single(node: node, codingPath: codingPath) }
}

/// Writes one value into a node: scalars directly, anything else through its own `encode(to:)`.
private func put<T: Encodable>(_ value: T, into node: Node, path: [CodingKey]) throws {
    switch value {
    case let v as String: node.kind = .scalar(.string(v))
    case let v as Bool: node.kind = .scalar(.bool(v))
    case let v as Int: node.kind = .scalar(.int(v))
    case let v as Int64: node.kind = .scalar(.int(Int(v)))
    case let v as Int32: node.kind = .scalar(.int(Int(v)))
    case is Double, is Float:
        throw OrderedJSONEncoder.Unsupported(description: "floating point at \(path.map(\.stringValue).joined(separator: "."))")
    default: try value.encode(to: TreeEncoder(node: node, codingPath: path))
    }
}

private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.child(key: key.stringValue).kind = .scalar(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try put(value, into: node.child(key: key.stringValue), path: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(node: node.child(key: key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        TreeEncoder(node: node.child(key: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder { TreeEncoder(node: node.child(key: "super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> Encoder { TreeEncoder(node: node.child(key: key.stringValue), codingPath: codingPath + [key]) }
}

private struct Unkeyed: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [CodingKey]
    var count: Int {
        if case .array(let items) = node.kind { return items.count }
        return 0
    }

    mutating func encodeNil() throws { node.element().kind = .scalar(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { try put(value, into: node.element(), path: codingPath) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(node: node.element(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { TreeEncoder(node: node.element(), codingPath: codingPath).unkeyedContainer() }
    mutating func superEncoder() -> Encoder { TreeEncoder(node: node.element(), codingPath: codingPath) }
}

private struct Single: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [CodingKey]

    mutating func encodeNil() throws { node.kind = .scalar(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { try put(value, into: node, path: codingPath) }
}
