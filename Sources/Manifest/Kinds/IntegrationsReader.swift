import Model
import Yams

/// `integrations:` — Lambda functions and Lex V2 bot aliases associated with the instance, by ARN
/// (design.md §3b). The lists merge across files; an ARN listed twice is an error naming both places.
struct IntegrationsReader: ManifestSection {
    let key = "integrations"
    static let spec = ObjectSpec("integrations", "Instance-level associations, by ARN.", [
        FieldSpec("lambdaFunctions", .list(.string(minLength: 1)),
                  "Lambda function ARNs (arn:aws:lambda:REGION:ACCOUNT:function:NAME) flows may invoke."),
        FieldSpec("lexBots", .list(.string(minLength: 1)),
                  "Lex V2 bot alias ARNs (arn:aws:lex:REGION:ACCOUNT:bot-alias/BOT/ALIAS) flows may use."),
    ])
    var field: FieldSpec {
        FieldSpec(key, .object(Self.spec),
                  "Lambda functions and Lex V2 bot aliases associated with the instance; a plain apply only adds, --prune removes the others.")
    }

    func readSection(_ node: Node, into assembler: ManifestAssembler) {
        let context = assembler.context
        guard let e = context.object(node, spec: Self.spec, owner: "'integrations'") else { return }
        for (member, kind) in [("lambdaFunctions", ResourceKind.lambdaFunction), ("lexBots", .lexBot)] {
            guard let listNode = e[member]?.value,
                  let list = context.stringList(listNode, what: "'\(member)' in 'integrations'") else { continue }
            for (arn, arnNode) in list {
                if let problem = Self.arnProblem(arn, kind) {
                    context.error(problem, at: arnNode)
                } else if assembler.declare(ResourceAddress(kind, arn), at: arnNode) {
                    assembler.append(Integration(kind, arn: arn), to: kind)
                }
            }
        }
    }

    /// Why `arn` is not a Lambda function ARN (`arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]`)
    /// or a Lex V2 bot alias ARN (`arn:PARTITION:lex:REGION:ACCOUNT:bot-alias/BOT/ALIAS`).
    static func arnProblem(_ arn: String, _ kind: ResourceKind) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        let lambda = kind == .lambdaFunction
        let valid = parts.count == 6 && parts[0] == "arn" && parts[1].hasPrefix("aws") && parts[2] == (lambda ? "lambda" : "lex")
            && !parts[3].isEmpty && !parts[4].isEmpty
            && (lambda ? parts[5].hasPrefix("function:") && parts[5].count > "function:".count
                       : parts[5].hasPrefix("bot-alias/") && parts[5].split(separator: "/").count == 3)
        guard !valid else { return nil }
        return lambda ? "'\(arn)' in 'integrations.lambdaFunctions' is not a Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME)"
            : "'\(arn)' in 'integrations.lexBots' is not a Lex V2 bot alias ARN (arn:aws:lex:REGION:ACCOUNT:bot-alias/BOT_ID/ALIAS_ID)"
    }

    func store(from assembler: ManifestAssembler, into desired: inout DesiredState) {
        desired.integrations = (assembler.values(of: .lambdaFunction, as: Integration.self)
            + assembler.values(of: .lexBot, as: Integration.self)).sorted { $0.address < $1.address }
    }
}
