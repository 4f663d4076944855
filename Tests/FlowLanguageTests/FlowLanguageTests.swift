import FlowLanguage
import Foundation
import Testing

/// Builds flow content from (Identifier, Type, Parameters, Transitions) tuples.
func flow(start: String? = nil, _ actions: [(String, String, FlowJSON, FlowJSON)]) -> FlowJSON {
    .object([
        .init(key: "Version", value: .string("2019-10-30")),
        .init(key: "StartAction", value: .string(start ?? actions.first?.0 ?? "")),
        .init(key: "Actions", value: .array(actions.map { id, type, parameters, transitions in
            .object([.init(key: "Identifier", value: .string(id)), .init(key: "Type", value: .string(type)),
                     .init(key: "Parameters", value: parameters), .init(key: "Transitions", value: transitions)])
        })),
    ])
}

func obj(_ members: [(String, FlowJSON)]) -> FlowJSON { .object(members.map { .init(key: $0.0, value: $0.1) }) }
func next(_ id: String) -> FlowJSON { obj([("NextAction", .string(id))]) }
let none: FlowJSON = .object([])
let end = ("end", "DisconnectParticipant", none, none)

@Suite struct CatalogueTests {
    @Test func everyActionHasItsReferencePageAndNoTypeIsListedTwice() {
        #expect(FlowCatalogue.actions.count >= 55)
        for (type, spec) in FlowCatalogue.actions {
            #expect(spec.type == type)
            #expect(spec.reference.hasPrefix("https://docs.aws.amazon.com/connect/latest/APIReference/"))
            #expect(spec.reference.hasSuffix(type.lowercased() + ".html"), "\(type): \(spec.reference)")
        }
    }

    @Test func restrictionsFollowTheReference() {
        let whisper = "CUSTOMER_WHISPER"
        #expect(FlowCatalogue.spec(for: "TransferContactToQueue")?.allows(flowType: whisper) == false)
        #expect(FlowCatalogue.spec(for: "TransferContactToQueue")?.allows(flowType: "CONTACT_FLOW") == true)
        #expect(FlowCatalogue.spec(for: "TransferContactToQueue")?.allows(flowType: "QUEUE_TRANSFER") == true)
        #expect(FlowCatalogue.spec(for: "DequeueContactAndTransferToQueue")?.allows(flowType: "CONTACT_FLOW") == false)
        #expect(FlowCatalogue.spec(for: "DequeueContactAndTransferToQueue")?.allows(flowType: "CUSTOMER_QUEUE") == true)
        #expect(FlowCatalogue.spec(for: "MessageParticipant")?.allows(flowType: "AGENT_HOLD") == false)
        // Unsure cases are allowed (see the catalogue's notes).
        #expect(FlowCatalogue.spec(for: "EndFlowExecution")?.allows(flowType: "CONTACT_FLOW") == true)
        #expect(FlowCatalogue.spec(for: "DisconnectParticipant")?.allows(flowType: whisper) == true)
        for type in FlowCatalogue.FlowTypes.all {
            #expect(FlowCatalogue.spec(for: "InvokeLambdaFunction")?.allows(flowType: type) == true)
            #expect(FlowCatalogue.spec(for: "UpdateContactEventHooks")?.allows(flowType: type) == true)
        }
    }

    @Test func referenceParametersAreMarked() {
        #expect(FlowCatalogue.spec(for: "UpdateContactTargetQueue")?.parameter("QueueId")?.reference == .queue)
        #expect(FlowCatalogue.spec(for: "InvokeLambdaFunction")?.parameter("LambdaFunctionARN")?.reference == .lambdaFunction)
        #expect(FlowCatalogue.spec(for: "TransferToFlow")?.parameter("ContactFlowId")?.required == true)
        #expect(FlowCatalogue.spec(for: "UpdateContactEventHooks")?.parameter("EventHooks")?.mapValueReference == .contactFlow)
        #expect(FlowCatalogue.spec(for: "ConnectParticipantWithLexBot")?.parameter("LexV2Bot")?.members.first?.reference == .lexBot)
        #expect(FlowCatalogue.spec(for: "GetParticipantInput")?.parameter("LexV2Bot")?.members.first?.reference == .lexBot)
        #expect(FlowCatalogue.spec(for: "DisconnectParticipant")?.terminal == true)
        #expect(FlowCatalogue.spec(for: "MessageParticipant")?.terminal == false)
    }
}

@Suite struct ValidatorTests {
    func errors(_ content: FlowJSON, type: String? = "CONTACT_FLOW", resolve: (FlowReference) -> String? = { _ in nil }) -> [FlowProblem] {
        FlowLanguageValidator.validate(content, flowType: type, level: .published, resolve: resolve)
    }

    @Test func unknownActionTypeWithSuggestion() {
        let problems = errors(flow([("t", "TransferContactToQue", none, next("end")), end]))
        #expect(problems.map(\.message) == ["action 't' has unknown type 'TransferContactToQue'; did you mean 'TransferContactToQueue'?"])
        #expect(problems.first?.path.description == "$.Actions[0].Type")
        #expect(problems.first?.rule == .unknownActionType)
    }

    @Test func missingRequiredParameterAndOneOf() {
        let problems = errors(flow([("l", "InvokeLambdaFunction", obj([("InvocationTimeLimitSeconds", .string("3"))]), next("bot")),
                                    ("bot", "ConnectParticipantWithLexBot", obj([("Text", .string("Hi"))]), next("end")), end]))
        #expect(problems.map(\.message) == [
            "parameter 'LambdaFunctionARN' of action 'l' (InvokeLambdaFunction) is required",
            "action 'bot' (ConnectParticipantWithLexBot) needs one of the parameters 'LexV2Bot', 'LexBot'",
        ])
        #expect(problems.map(\.path.description) == ["$.Actions[0].Parameters", "$.Actions[1].Parameters"])
    }

    @Test func parameterTypes() {
        let problems = errors(flow([("loop", "Loop", obj([("LoopCount", obj([]))]), next("end")),
                                    ("ok", "Loop", obj([("LoopCount", .number(3))]), next("end")),
                                    ("hooks", "UpdateContactEventHooks", obj([("EventHooks", .string("x"))]), next("end")), end]))
        #expect(problems.map(\.message) == [
            "parameter 'LoopCount' of action 'loop' (Loop) must be a string or a number, found an object",
            "parameter 'EventHooks' of action 'hooks' (UpdateContactEventHooks) must be an object, found a string",
        ])
    }

    @Test func actionNotAllowedInFlowType() {
        let content = flow([("t", "TransferContactToQueue", none, next("end")), ("end", "EndFlowExecution", none, none)])
        #expect(errors(content, type: "CUSTOMER_WHISPER").map(\.rule) == [.notAllowedInFlowType])
        #expect(errors(content, type: "CONTACT_FLOW").isEmpty)
        #expect(errors(content, type: nil).isEmpty, "modules have no flow type")
        #expect(errors(content, type: "SOME_NEW_TYPE").isEmpty, "types the catalogue does not know are not restricted")
    }

    @Test func referencesDynamicPlaceholderWellFormedAndTemplateText() {
        let iid = "11111111-2222-4333-8444-555555555555", qid = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
        let arn = "arn:aws:connect:us-east-1:123456789012:instance/\(iid)/queue/\(qid)"
        let queue = { (value: String) in ("q", "UpdateContactTargetQueue", obj([("QueueId", .string(value))]), next("end")) }
        for ok in ["$.Attributes.queue", "${queue:Support}", arn, qid, "arn:aws:connect:us-east-1:123456789012:instance/\(iid)/queue/agent/\(qid)"] {
            #expect(errors(flow([queue(ok), end])).isEmpty, "\(ok)")
        }
        for bad in ["QUEUE_ARN_HERE", "<queue-arn>", "arn:aws:connect:us-east-1:123456789012:instance/\(iid)/contact-flow/\(qid)", "Support"] {
            let problems = errors(flow([queue(bad), end]))
            #expect(problems.map(\.rule) == [.malformedReference], "\(bad)")
        }
        #expect(errors(flow([queue("QUEUE_ARN_HERE"), end])).first?.message
                == "parameter 'QueueId' of action 'q' is 'QUEUE_ARN_HERE', which is not a queue ID or ARN (unfilled template text?)")
        let lambda = { (value: String) in ("l", "InvokeLambdaFunction", obj([("LambdaFunctionARN", .string(value))]), next("end")) }
        #expect(errors(flow([lambda("arn:aws:lambda:us-east-1:123456789012:function:lookup"), end])).isEmpty)
        #expect(errors(flow([lambda("arn:aws:lambda:us-east-1:123456789012:function:lookup:live"), end])).isEmpty)
        #expect(errors(flow([lambda("LAMBDA_ARN"), end])).map(\.rule) == [.malformedReference])
    }

    @Test func resolverSeesEveryStaticReferenceAndItsProblemsAreReported() {
        let qid = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", fid = "ffffffff-bbbb-4ccc-8ddd-eeeeeeeeeeee"
        let content = flow([
            ("q", "UpdateContactTargetQueue", obj([("QueueId", .string(qid))]), next("hooks")),
            ("hooks", "UpdateContactEventHooks", obj([("EventHooks", obj([("CustomerQueue", .string(fid)), ("AgentWhisper", .string("$.x"))]))]), next("loop")),
            ("loop", "MessageParticipantIteratively", obj([("Messages", .array([obj([("PromptId", .string(qid))])]))]), none),
        ])
        var seen: [String] = []
        let problems = errors(content) { ref in
            seen.append("\(ref.kind.rawValue) \(ref.parameter) \(ref.path)")
            return ref.kind == .queue ? "queue \(ref.value) does not exist" : nil
        }
        #expect(seen == ["queue QueueId $.Actions[0].Parameters.QueueId", "contactFlow EventHooks.CustomerQueue $.Actions[1].Parameters.EventHooks.CustomerQueue",
                         "prompt PromptId $.Actions[2].Parameters.Messages[0].PromptId"])
        #expect(problems.map(\.message) == ["queue \(qid) does not exist"])
        #expect(problems.first?.rule == .unresolvedReference)
        #expect(FlowLanguageValidator.references(content).count == 3)
    }

    @Test func savedContentGetsNoErrors() {
        let content = flow([("t", "NoSuchAction", none, none)])
        #expect(FlowLanguageValidator.validate(content, flowType: "CONTACT_FLOW", level: .saved).isEmpty)
        #expect(!FlowLanguageValidator.validate(content, flowType: "CONTACT_FLOW", level: .published).isEmpty)
    }
}

@Suite struct LintTests {
    func warnings(_ content: FlowJSON) -> [FlowProblem] {
        FlowLanguageValidator.validate(content, flowType: "CONTACT_FLOW", level: .saved, lint: true)
    }

    @Test func cleanFlowHasNoWarnings() {
        #expect(warnings(flow([("a", "MessageParticipant", obj([("Text", .string("Hi"))]), next("end")), end])).isEmpty)
    }

    @Test func unreachableDeadEndNowhereBranchAndLoop() {
        let errorsNowhere = obj([("NextAction", .string("b")), ("Errors", .array([obj([("ErrorType", .string("NoMatchingError"))])]))])
        let problems = warnings(flow([
            ("a", "MessageParticipant", none, errorsNowhere),
            ("b", "UpdateContactAttributes", none, next("a")),
            ("stuck", "Compare", obj([("ComparisonValue", .string("$.x"))]), none),
            ("lost", "MessageParticipant", none, next("stuck")),
            end,
        ]))
        #expect(problems.map(\.rule) == [.errorBranchGoesNowhere, .deadEnd, .unreachableAction, .unreachableAction, .unreachableAction,
                                         .loopWithoutCounter])
        #expect(problems.first?.path.description == "$.Actions[0].Transitions.Errors[0]")
        #expect(problems.last?.message == "actions 'a', 'b' form a loop with no Loop action to count the rounds; a contact can go round forever")
    }

    @Test func loopsWithALoopActionAndSelfLoops() {
        let loop = obj([("Conditions", .array([
            obj([("NextAction", .string("say")), ("Condition", obj([("Operator", .string("Equals")), ("Operands", .array([.string("ContinueLooping")]))]))]),
            obj([("NextAction", .string("end")), ("Condition", obj([("Operator", .string("Equals")), ("Operands", .array([.string("DoneLooping")]))]))]),
        ]))])
        #expect(warnings(flow([("count", "Loop", obj([("LoopCount", .string("3"))]), loop), ("say", "MessageParticipant", none, next("count")), end])).isEmpty)
        #expect(warnings(flow([("say", "MessageParticipant", none, next("say"))])).map(\.rule) == [.loopWithoutCounter])
        // A customer queue flow's hold loop: paced by InterruptFrequencySeconds, not a runaway loop.
        let interrupted = obj([("Conditions", .array([obj([("NextAction", .string("status")),
            ("Condition", obj([("Operator", .string("Equals")), ("Operands", .array([.string("MessagesInterrupted")]))]))])])),
            ("Errors", .array([obj([("NextAction", .string("end")), ("ErrorType", .string("NoMatchingError"))])]))])
        #expect(warnings(flow([("music", "MessageParticipantIteratively", obj([("Messages", .array([obj([("Text", .string("Hold"))])])),
                                                                              ("InterruptFrequencySeconds", .string("60"))]), interrupted),
                               ("status", "GetMetricData", none, next("music")), end])).isEmpty)
    }
}
