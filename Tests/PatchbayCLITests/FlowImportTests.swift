import Model
import Testing
@testable import PatchbayCLI

@Suite struct FlowImportTests {
    let queueArn = "arn:aws:connect:us-east-1:123456789012:instance/i-1/queue/q-1"
    let hoursArn = "arn:aws:connect:us-east-1:123456789012:instance/i-1/operating-hours/h-1"
    let lambdaArn = "arn:aws:lambda:us-east-1:123456789012:function:lookup"

    @Test func knownArnsBecomeReferencesAndTheRestAreListed() {
        let text = """
            {"Version":"2019-10-30","StartAction":"a","Actions":[
             {"Identifier":"a","Type":"UpdateContactTargetQueue","Parameters":{"QueueId":"\(queueArn)"},"Transitions":{}},
             {"Identifier":"b","Type":"CheckHoursOfOperation","Parameters":{"HoursOfOperationId":"\(hoursArn)"},"Transitions":{}},
             {"Identifier":"c","Type":"InvokeLambdaFunction","Parameters":{"LambdaFunctionARN":"\(lambdaArn)"},"Transitions":{}}]}
            """
        let result = FlowImport.makePortable(text, arns: [
            queueArn: ResourceAddress(.queue, "Support"), hoursArn: ResourceAddress(.hoursOfOperation, "Business Hours"),
        ])
        #expect(result.text.contains(#""QueueId":"${queue:Support}""#))
        #expect(result.text.contains(#""HoursOfOperationId":"${hours:Business Hours}""#))
        #expect(result.text.contains(lambdaArn))
        #expect(result.replaced == [ResourceAddress(.hoursOfOperation, "Business Hours"), ResourceAddress(.queue, "Support")])
        // Integrations are named by ARN: kept as written, and not reported as unresolved.
        #expect(result.unresolved.isEmpty && result.integrations == [lambdaArn])
        let other = "arn:aws:connect:us-east-1:123456789012:instance/other/queue/q1"
        #expect(FlowImport.makePortable(#"{"QueueId":"\#(other)"}"#, arns: [:]).unresolved == [other])
    }

    @Test func textWithoutArnsIsUnchanged() {
        let text = #"{"Version":"2019-10-30","StartAction":"a","Actions":[]}"#
        let result = FlowImport.makePortable(text, arns: [queueArn: ResourceAddress(.queue, "Support")])
        #expect(result.text == text)
        #expect(result.replaced.isEmpty && result.unresolved.isEmpty)
    }
}
