import Foundation
@testable import ConnectEmulator
@testable import Reconciler
import Testing

/// The byte-level canonical form (issue 17): the same JSON meaning gives the same text, and
/// it agrees with what `JSONSerialization` (sorted keys) says is equal.
@Suite struct CanonicalJSONTests {
    @Test func keysSortedSpaceRemovedLastDuplicateWins() {
        #expect(CanonicalJSON.canonical(#" { "b" : [1, 2 ,{"z":null,"a":true}], "a":"x", "b2": false } "#)
                == #"{"a":"x","b":[1,2,{"a":true,"z":null}],"b2":false}"#)
        #expect(CanonicalJSON.canonical(#"{"k":1,"k":2}"#) == #"{"k":2}"#)
        #expect(CanonicalJSON.canonical("[]") == "[]")
        #expect(CanonicalJSON.canonical("{}") == "{}")
    }

    @Test func stringsAreReEscapedOneWay() {
        // \/ and / are the same string; \u00e9 and é too; a surrogate pair is one scalar.
        #expect(CanonicalJSON.canonical(#"["a\/b","caf\u00e9","café","\ud83d\ude00","tab\tq\"\\"]"#)
                == #"["a/b","café","café","😀","tab\tq\"\\"]"#)
        #expect(CanonicalJSON.canonical(#"["\u0001"]"#) == #"["\u0001"]"#)
    }

    @Test func numbersInOneForm() {
        #expect(CanonicalJSON.canonical("[1, 1.0, 1e2, -0.5, 1.50, 120.25, 12345678901234567890]")
                == "[1,1,100,-0.5,1.5,120.25,1.2345678901234567e+19]")
    }

    @Test func notJSONIsNil() {
        for bad in ["", "{", #"{"a":}"#, #"{"a":1,}"#, "[1 2]", #""unterminated"#, "tru", "{} {}", "\"\u{01}\"", #"["\x"]"#, "1-2"] {
            #expect(CanonicalJSON.canonical(bad) == nil, "\(bad)")
        }
        #expect(CanonicalJSON.members("[1]") == nil)
    }

    /// Random documents: two different spellings of one value canonicalise alike, and two
    /// documents canonicalise alike exactly when JSONSerialization finds them equal.
    @Test func agreesWithJSONSerializationOnEquality() throws {
        var rng = SeededRandom(seed: 17)
        for _ in 0..<300 {
            let value = Self.randomValue(&rng, depth: 0)
            let compact = try JSONSerialization.data(withJSONObject: ["v": value], options: [.fragmentsAllowed])
            let pretty = try JSONSerialization.data(withJSONObject: ["v": value], options: [.prettyPrinted, .sortedKeys])
            let a = try #require(CanonicalJSON.canonical(String(decoding: compact, as: UTF8.self)))
            let b = try #require(CanonicalJSON.canonical(String(decoding: pretty, as: UTF8.self)))
            #expect(a == b)
            let other = Self.randomValue(&rng, depth: 0)
            let o = try JSONSerialization.data(withJSONObject: ["v": other], options: [])
            let c = try #require(CanonicalJSON.canonical(String(decoding: o, as: UTF8.self)))
            #expect((a == c) == (NSDictionary(dictionary: ["v": value]) == NSDictionary(dictionary: ["v": other])))
        }
    }

    static func randomValue(_ rng: inout SeededRandom, depth: Int) -> Any {
        switch rng.next() % (depth > 3 ? 4 : 6) {
        case 0: return Int(rng.next() % 5)
        case 1: return ["a", "b/c", "é", "\"q\"", "x\ny"][Int(rng.next() % 5)]
        case 2: return rng.next() % 2 == 0
        case 3: return [0.5, 1.25, 3.0][Int(rng.next() % 3)]
        case 4: return (0..<Int(rng.next() % 3)).map { _ in randomValue(&rng, depth: depth + 1) }
        default:
            var object: [String: Any] = [:]
            for _ in 0..<Int(rng.next() % 3) { object[["k", "a", "Z", "k2"][Int(rng.next() % 4)]] = randomValue(&rng, depth: depth + 1) }
            return object
        }
    }
}
