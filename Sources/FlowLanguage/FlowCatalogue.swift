/// The Amazon Connect Flow language action catalogue, as data.
///
/// Source: the Amazon Connect API Reference, "Amazon Connect Flow language"
/// (https://docs.aws.amazon.com/connect/latest/APIReference/flow-language.html) and its action
/// pages, one per action type: contact actions
/// (https://docs.aws.amazon.com/connect/latest/APIReference/contact-actions.html), flow control
/// actions (…/flow-control-actions.html), interactions (…/interactions.html) and participant
/// actions (…/participant-actions.html). Each page gives the action's "Parameter object", its
/// "Errors" and its "Restrictions" (the flow types it may be used in).
///
/// The catalogue is deliberately permissive where the reference is vague: a parameter is
/// `required` only when its page does not call it optional and real console exports always carry
/// it; a flow-type restriction is recorded only when the page says the action is *not* supported
/// in a type (or *only* supported in some); parameters the catalogue does not list are allowed.
/// Rejecting content Connect accepts would be worse than missing a problem Connect reports.
public enum FlowCatalogue {
    /// Every action type the catalogue knows, by `Type`.
    public static let actions: [String: ActionSpec] = {
        var byType: [String: ActionSpec] = [:]
        for spec in all { byType[spec.type] = spec }
        return byType
    }()

    public static func spec(for type: String) -> ActionSpec? { actions[type] }

    /// The flow types of the CreateContactFlow API (`Type`), grouped as the reference names them.
    public enum FlowTypes {
        public static let inbound: Set<String> = ["CONTACT_FLOW"]
        public static let transfer: Set<String> = ["AGENT_TRANSFER", "QUEUE_TRANSFER"]
        public static let whisper: Set<String> = ["CUSTOMER_WHISPER", "AGENT_WHISPER", "OUTBOUND_WHISPER"]
        public static let hold: Set<String> = ["CUSTOMER_HOLD", "AGENT_HOLD"]
        public static let customerQueue: Set<String> = ["CUSTOMER_QUEUE"]
        public static let campaign: Set<String> = ["CAMPAIGN"]
        public static let all: Set<String> = inbound.union(transfer).union(whisper).union(hold).union(customerQueue).union(campaign)
    }

    static let base = "https://docs.aws.amazon.com/connect/latest/APIReference/"

    // Parameter shorthands.
    static func text(_ name: String, required: Bool = false) -> ParameterSpec { ParameterSpec(name, .string, required: required) }
    /// Numbers: console exports write many of them as strings ("InvocationTimeLimitSeconds": "3").
    static func number(_ name: String, required: Bool = false) -> ParameterSpec { ParameterSpec(name, .scalar, required: required) }
    static func object(_ name: String, required: Bool = false, members: [ParameterSpec] = [], mapValues: ReferenceKind? = nil) -> ParameterSpec {
        ParameterSpec(name, .object, required: required, members: members, mapValueReference: mapValues)
    }
    static func list(_ name: String, required: Bool = false, elements: [ParameterSpec] = []) -> ParameterSpec {
        ParameterSpec(name, .array, required: required, members: elements)
    }
    static func ref(_ name: String, _ kind: ReferenceKind, required: Bool = false) -> ParameterSpec {
        ParameterSpec(name, .string, required: required, reference: kind)
    }
    static let promptParameters: [ParameterSpec] = [ref("PromptId", .prompt), text("Text"), text("SSML"), object("Media")]
    static let queueOrAgent: [ParameterSpec] = [ref("QueueId", .queue), ref("AgentId", .agent)]

    static func contact(_ type: String, _ page: String, _ parameters: [ParameterSpec] = [], flowTypes: FlowTypeRule = .any,
                        terminal: Bool = false, oneOf: [[String]] = []) -> ActionSpec {
        ActionSpec(type: type, category: .contact, parameters: parameters, oneOf: oneOf, flowTypes: flowTypes, terminal: terminal,
                   reference: base + "contact-actions-" + page + ".html")
    }
    static func control(_ type: String, _ page: String, _ parameters: [ParameterSpec] = [], flowTypes: FlowTypeRule = .any,
                        terminal: Bool = false) -> ActionSpec {
        ActionSpec(type: type, category: .flowControl, parameters: parameters, oneOf: [], flowTypes: flowTypes, terminal: terminal,
                   reference: base + "flow-control-actions-" + page + ".html")
    }
    static func interaction(_ type: String, _ page: String, _ parameters: [ParameterSpec] = [], flowTypes: FlowTypeRule = .any) -> ActionSpec {
        ActionSpec(type: type, category: .interaction, parameters: parameters, oneOf: [], flowTypes: flowTypes, terminal: false,
                   reference: base + "interactions-" + page + ".html")
    }
    static func participant(_ type: String, _ page: String, _ parameters: [ParameterSpec] = [], flowTypes: FlowTypeRule = .any,
                            terminal: Bool = false, oneOf: [[String]] = []) -> ActionSpec {
        ActionSpec(type: type, category: .participant, parameters: parameters, oneOf: oneOf, flowTypes: flowTypes, terminal: terminal,
                   reference: base + "participant-actions-" + page + ".html")
    }

    typealias T = FlowTypes

    /// The catalogue. Restrictions quote the action page's "Restrictions" section.
    static let all: [ActionSpec] = [
        // MARK: Contact actions
        contact("CompleteOutboundCall", "completeoutboundcall"),
        contact("CreateCase", "createcase"),
        contact("CreateTask", "createtask"),
        contact("CreateWisdomSession", "createwisdomsession"),
        // "This action is only supported in the customer queue flow. It is not supported in any other type of flow."
        contact("DequeueContactAndTransferToQueue", "dequeuecontactandtransfertoqueue", queueOrAgent,
                flowTypes: .only(T.customerQueue), terminal: true),
        contact("EndFlowModuleExecution", "endflowmoduleexecution", terminal: true),
        contact("GetCase", "getcase"),
        contact("InvokeFlowModule", "invokeflowmodule", [ref("FlowModuleId", .flowModule, required: true)]),
        contact("ResumeContact", "resumecontact"),
        contact("StartOutboundChatContact", "startoutboundchatcontact"),
        contact("TagContact", "tagcontact", [object("Tags")]),
        // "This action is supported in only transfer to agent and transfer to queue flows."
        contact("TransferContactToAgent", "transfercontacttoagent", flowTypes: .only(T.transfer), terminal: true),
        // "This action is supported in inbound contact flows and transfer flows. It is not supported
        // in whisper flows, customer queue flows, or hold flows."
        contact("TransferContactToQueue", "transfercontacttoqueue", flowTypes: .except(T.whisper.union(T.customerQueue).union(T.hold)),
                terminal: true),
        contact("UnTagContact", "untagcontact", [list("TagKeys")]),
        contact("UpdateCase", "updatecase"),
        contact("UpdateContactAttributes", "updatecontactattributes", [object("Attributes")]),
        contact("UpdateContactCallbackNumber", "updatecontactcallbacknumber", [text("CallbackNumber")]),
        contact("UpdateContactData", "updatecontactdata"),
        // "The value is the flow ID or ARN to run when that event occurs." Supported in all types of flows.
        contact("UpdateContactEventHooks", "updatecontacteventhooks", [object("EventHooks", required: true, mapValues: .contactFlow)]),
        contact("UpdateContactMediaProcessing", "updatecontactmediaprocessing"),
        contact("UpdateContactMediaStreamingBehavior", "updatecontactmediastreamingbehavior"),
        contact("UpdateContactRecordingAndAnalyticsBehavior", "updatecontactrecordingandanalyticsbehavior"),
        contact("UpdateContactRecordingBehavior", "updatecontactrecordingbehavior", [object("RecordingBehavior")]),
        contact("UpdateContactRoutingBehavior", "updatecontactroutingbehavior"),
        // "This action is supported only in inbound contact flows and transfer flows. It is not
        // supported in whisper flows, hold flows, or customer queue flows."
        contact("UpdateContactTargetQueue", "updatecontacttargetqueue", queueOrAgent,
                flowTypes: .except(T.whisper.union(T.hold).union(T.customerQueue))),
        contact("UpdateContactTextToSpeechVoice", "updatecontacttexttospeechvoice", [text("TextToSpeechVoice", required: true)]),
        contact("UpdatePreviousContactParticipantState", "updatepreviouscontactparticipantstate"),

        // MARK: Flow control actions
        // "It is not available to hold flows or to whisper flows."
        control("CheckHoursOfOperation", "checkhoursofoperation", [ref("HoursOfOperationId", .hoursOfOperation)],
                flowTypes: .except(T.hold.union(T.whisper))),
        // "Not available in any whisper or hold flows."
        control("CheckMetricData", "checkmetricdata", [text("MetricType", required: true)] + queueOrAgent,
                flowTypes: .except(T.whisper.union(T.hold))),
        control("CheckOutboundCallStatus", "checkoutboundcallstatus"),
        control("CheckVoiceId", "checkvoiceid", [text("CheckVoiceIdOption")]),
        control("Compare", "compare", [text("ComparisonValue", required: true)]),
        // "Not available in hold flows or whisper flows."
        control("DistributeByPercentage", "distributebypercentage", flowTypes: .except(T.hold.union(T.whisper))),
        // The page says "Available only in whisper flows and customer queue flows"; console
        // exports use it more widely, so the catalogue does not restrict it (see docs/manifest.md).
        control("EndFlowExecution", "endflowexecution", terminal: true),
        control("GetMetricData", "getmetricdata", queueOrAgent + [text("QueueChannel")]),
        control("Loop", "loop", [number("LoopCount", required: true)]),
        // "Not supported in hold flows."
        control("StartVoiceIdStream", "startvoiceidstream", flowTypes: .except(T.hold)),
        // "It is not available to hold flows, customer queue flows, or whisper flows."
        control("TransferToFlow", "transfertoflow", [ref("ContactFlowId", .contactFlow, required: true)],
                flowTypes: .except(T.hold.union(T.customerQueue).union(T.whisper)), terminal: true),
        control("UpdateFlowAttributes", "updateflowattributes", [object("FlowAttributes", required: true)]),
        control("UpdateFlowLoggingBehavior", "updateflowloggingbehavior", [text("FlowLoggingBehavior", required: true)]),
        control("UpdateRoutingCriteria", "updateroutingcriteria", [object("RoutingCriteria")]),
        control("Wait", "wait", [number("TimeoutSeconds"), list("Events")]),

        // MARK: Interactions
        interaction("AssociateContactToCustomerProfile", "associatecontacttocustomerprofile", [object("ProfileRequestData")]),
        // "Not supported in whisper flows or hold flows."
        interaction("CreateCallbackContact", "createcallbackcontact",
                    queueOrAgent + [ref("ContactFlowId", .contactFlow), number("InitialCallDelaySeconds"),
                                    number("MaximumConnectionAttempts"), number("RetryDelaySeconds")],
                    flowTypes: .except(T.whisper.union(T.hold))),
        interaction("CreateCustomerProfile", "createcustomerprofile", [object("ProfileRequestData")]),
        interaction("GetCalculatedAttributesForCustomerProfile", "getcalculatedattributesforcustomerprofile", [object("ProfileRequestData")]),
        interaction("GetCustomerProfile", "getcustomerprofile", [object("ProfileRequestData")]),
        interaction("GetCustomerProfileObject", "getcustomerprofileobject", [object("ProfileRequestData")]),
        // "LambdaFunctionARN: The ARN of the AWS Lambda function to be invoked." Supported in all
        // types of flows. (InvocationType is absent from real console exports: not required.)
        interaction("InvokeLambdaFunction", "invokelambdafunction",
                    [ref("LambdaFunctionARN", .lambdaFunction, required: true), number("InvocationTimeLimitSeconds"),
                     text("InvocationType"), object("LambdaInvocationAttributes"), object("ResponseValidation")]),
        interaction("UpdateCustomerProfile", "updatecustomerprofile", [object("ProfileRequestData")]),

        // MARK: Participant actions
        // "Provide either LexBot or LexV2Bot object." Not available in whisper flows or hold flows.
        participant("ConnectParticipantWithLexBot", "connectparticipantwithlexbot",
                    promptParameters + [object("LexV2Bot", members: [ref("AliasArn", .lexBot)]), object("LexBot"),
                                        object("LexSessionAttributes")],
                    flowTypes: .except(T.whisper.union(T.hold)), oneOf: [["LexV2Bot", "LexBot"]]),
        participant("DisconnectParticipant", "disconnectparticipant", terminal: true),
        // "Not in whisper flows or hold flows." Console exports of the Get customer input block
        // with a Lex V2 bot carry LexV2Bot here too.
        participant("GetParticipantInput", "getparticipantinput",
                    promptParameters + [number("InputTimeLimitSeconds"), number("StoreInput"), object("InputValidation"),
                                        object("InputEncryption"), object("DTMFConfiguration"),
                                        object("LexV2Bot", members: [ref("AliasArn", .lexBot)])],
                    flowTypes: .except(T.whisper.union(T.hold))),
        // "It is not supported in hold flows."
        participant("MessageParticipant", "messageparticipant", promptParameters, flowTypes: .except(T.hold)),
        // Loops its messages until interrupted: the flow does not go on from here by itself.
        participant("MessageParticipantIteratively", "messageparticipantiteratively",
                    [list("Messages", required: true, elements: promptParameters), number("InterruptFrequencySeconds")],
                    terminal: true),
        participant("ShowView", "showview", [object("ViewResource")]),
        participant("TransferParticipantToThirdParty", "transferparticipanttothirdparty", [text("ThirdPartyPhoneNumber")]),
    ]
}

/// One action type of the Flow language.
public struct ActionSpec: Sendable {
    public enum Category: String, Sendable { case contact, flowControl, interaction, participant }

    public var type: String
    public var category: Category
    /// The parameters the catalogue knows; others are allowed.
    public var parameters: [ParameterSpec]
    /// Groups of parameters of which at least one must be present.
    public var oneOf: [[String]]
    public var flowTypes: FlowTypeRule
    /// Ends the flow (or holds the contact in it): no transition is needed after it.
    public var terminal: Bool
    /// The action's page in the Flow language reference.
    public var reference: String

    public func parameter(_ name: String) -> ParameterSpec? { parameters.first { $0.name == name } }

    public func allows(flowType: String) -> Bool { flowTypes.allows(flowType) }
}

/// Which flow types an action may be used in.
public enum FlowTypeRule: Sendable, Equatable {
    case any
    case only(Set<String>)
    case except(Set<String>)

    public func allows(_ flowType: String) -> Bool {
        switch self {
        case .any: true
        case .only(let types): types.contains(flowType)
        case .except(let types): !types.contains(flowType)
        }
    }
}

/// JSON types a parameter may take.
public enum ParameterType: Sendable, Equatable {
    case string
    /// A string, number or boolean: numbers and flags are often written as strings.
    case scalar
    case object
    case array

    public func accepts(_ value: FlowJSON) -> Bool {
        switch (self, value) {
        case (.string, .string): true
        case (.scalar, .string), (.scalar, .number), (.scalar, .bool): true
        case (.object, .object): true
        case (.array, .array): true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .string: "a string"
        case .scalar: "a string or a number"
        case .object: "an object"
        case .array: "an array"
        }
    }
}

/// What a reference parameter names.
public enum ReferenceKind: String, Sendable, CaseIterable {
    case queue, agent, contactFlow, flowModule, hoursOfOperation, prompt, lambdaFunction, lexBot

    public var label: String {
        switch self {
        case .queue: "queue"
        case .agent: "agent"
        case .contactFlow: "flow"
        case .flowModule: "flow module"
        case .hoursOfOperation: "hours of operation"
        case .prompt: "prompt"
        case .lambdaFunction: "Lambda function"
        case .lexBot: "Lex bot alias"
        }
    }

    /// ARN resource segments after `instance/{id}/` for Connect resources.
    var connectSegments: [String] {
        switch self {
        case .queue: ["queue"]
        case .agent: ["agent"]
        case .contactFlow: ["contact-flow"]
        case .flowModule: ["flow-module"]
        case .hoursOfOperation: ["operating-hours"]
        case .prompt: ["prompt"]
        case .lambdaFunction, .lexBot: []
        }
    }
}

/// One parameter of an action.
public struct ParameterSpec: Sendable {
    public var name: String
    public var type: ParameterType
    public var required: Bool
    /// The parameter holds an ID or ARN of this kind.
    public var reference: ReferenceKind?
    /// Members of an object parameter, or of each element of an array parameter.
    public var members: [ParameterSpec]
    /// Every value of this object parameter is a reference of this kind (e.g. EventHooks).
    public var mapValueReference: ReferenceKind?

    public init(_ name: String, _ type: ParameterType, required: Bool = false, reference: ReferenceKind? = nil,
                members: [ParameterSpec] = [], mapValueReference: ReferenceKind? = nil) {
        self.name = name
        self.type = type
        self.required = required
        self.reference = reference
        self.members = members
        self.mapValueReference = mapValueReference
    }
}
