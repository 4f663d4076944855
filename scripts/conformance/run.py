#!/usr/bin/env python3
"""Conformance of the Patchbay Connect emulator, driven by boto3/botocore and the AWS CLI.

botocore is the independent client: it builds every request from the official service
model and parses every response with it, so a wrong member name, status or error format
shows up here. Run through scripts/conformance.sh (which starts the emulators).

phase1: every implemented operation, errors, pagination, search, tags, signatures,
        AWS CLI, throttling (second emulator started with --throttle 2:5).
phase2: after a restart on the same --state file: what phase 1 created is still there;
        a corrupt or foreign state file is refused.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import traceback
import urllib.request
import urllib.error

import boto3
import botocore
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

REGION = "us-east-1"
# botocore reads retries.max_attempts as the number of *retries* (legacy meaning);
# total_max_attempts=1 is what really turns retries off.
NO_RETRY = Config(retries={"total_max_attempts": 1, "mode": "standard"})


class Runner:
    def __init__(self):
        self.cases = 0
        self.passed = 0
        self.failures = []
        self.operations = set()
        self.missing_request_ids = []

    def client(self, endpoint, secret="test", key="test", region=REGION, token=None):
        c = boto3.client(
            "connect", endpoint_url=endpoint, region_name=region,
            aws_access_key_id=key, aws_secret_access_key=secret, aws_session_token=token,
            config=NO_RETRY)
        c.meta.events.register("after-call.connect", self._after_call)
        return c

    def _after_call(self, http_response, parsed, model, **_):
        self.operations.add(model.name)
        if not parsed.get("ResponseMetadata", {}).get("RequestId"):
            self.missing_request_ids.append(model.name)

    def case(self, name, fn):
        self.cases += 1
        try:
            fn()
            self.passed += 1
        except Exception as e:  # noqa: BLE001 - any failure, incl. botocore parse errors
            detail = "".join(traceback.format_exception_only(type(e), e)).strip()
            self.failures.append(f"{name}: {detail}")
            print(f"FAIL {name}: {detail}", file=sys.stderr)


def check(cond, msg="check failed"):
    if not cond:
        raise AssertionError(msg)


def expect_error(code, fn, *args, status=None, **kwargs):
    try:
        fn(*args, **kwargs)
    except ClientError as e:
        got = e.response["Error"]["Code"]
        check(got == code, f"expected {code}, got {got}: {e.response['Error'].get('Message')}")
        if status is not None:
            got_status = e.response["ResponseMetadata"]["HTTPStatusCode"]
            check(got_status == status, f"expected HTTP {status} for {code}, got {got_status}")
        check(e.response["ResponseMetadata"].get("RequestId"), "error without x-amzn-RequestId")
        return e.response
    raise AssertionError(f"expected {code}, call succeeded")


def flow_content(actions_params=None, ident="start"):
    return json.dumps({
        "Version": "2019-10-30", "StartAction": ident, "Metadata": {},
        "Actions": [{"Identifier": ident, "Type": "MessageParticipant",
                     "Parameters": actions_params or {"Text": "Hello"},
                     "Transitions": {"NextAction": "end"}},
                    {"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}]})


def all_pages(fn, key, token_in="NextToken", **kwargs):
    items, pages, token = [], 0, None
    while True:
        args = dict(kwargs)
        if token:
            args[token_in] = token
        r = fn(**args)
        items += r[key]
        pages += 1
        token = r.get("NextToken")
        if not token:
            return items, pages


def phase1(args, R):
    c = R.client(args.endpoint)
    iid = args.instance_id
    S = {}  # ids created along the way

    # ---- instance -------------------------------------------------------------------
    def instance():
        r = c.list_instances()
        check(r["InstanceSummaryList"][0]["Id"] == iid)
        d = c.describe_instance(InstanceId=iid)["Instance"]
        check(d["Arn"] == f"arn:aws:connect:{REGION}:123456789012:instance/{iid}")
        check(d["InstanceStatus"] == "ACTIVE")
        expect_error("ResourceNotFoundException", c.describe_instance, InstanceId="00000000-0000-0000-0000-000000000000", status=404)
    R.case("instance: ListInstances, DescribeInstance, unknown instance", instance)

    # ---- defaults -------------------------------------------------------------------
    def defaults():
        hours = {h["Name"]: h for h in c.list_hours_of_operations(InstanceId=iid)["HoursOfOperationSummaryList"]}
        check("Basic Hours" in hours)
        S["basic_hours"] = hours["Basic Hours"]["Id"]
        queues = c.list_queues(InstanceId=iid, QueueTypes=["STANDARD"])["QueueSummaryList"]
        check([q["Name"] for q in queues] == ["BasicQueue"], queues)
        S["basic_queue"] = queues[0]["Id"]
        rps = {r["Name"]: r for r in c.list_routing_profiles(InstanceId=iid)["RoutingProfileSummaryList"]}
        S["basic_rp"] = rps["Basic Routing Profile"]["Id"]
        rpq = c.list_routing_profile_queues(InstanceId=iid, RoutingProfileId=S["basic_rp"])["RoutingProfileQueueConfigSummaryList"]
        check([(x["QueueName"], x["Channel"]) for x in rpq] == [("BasicQueue", "VOICE")])
        sps = {s["Name"]: s["Id"] for s in c.list_security_profiles(InstanceId=iid)["SecurityProfileSummaryList"]}
        check(set(sps) == {"Admin", "Agent", "CallCenterManager", "QualityAnalyst"}, sps)
        S["sp_agent"], S["sp_admin"] = sps["Agent"], sps["Admin"]
        perms = c.list_security_profile_permissions(InstanceId=iid, SecurityProfileId=sps["Agent"])["Permissions"]
        check("BasicAgentAccess" in perms)
        flows = {f["Name"]: f for f in c.list_contact_flows(InstanceId=iid)["ContactFlowSummaryList"]}
        expected = {"Default agent hold": "AGENT_HOLD", "Default agent whisper": "AGENT_WHISPER",
                    "Default customer hold": "CUSTOMER_HOLD", "Default customer queue": "CUSTOMER_QUEUE",
                    "Default customer whisper": "CUSTOMER_WHISPER", "Default outbound": "OUTBOUND_WHISPER",
                    "Default queue transfer": "QUEUE_TRANSFER", "Default agent transfer": "AGENT_TRANSFER"}
        for name, typ in expected.items():
            check(flows[name]["ContactFlowType"] == typ and flows[name]["ContactFlowStatus"] == "PUBLISHED", name)
        S["flow_qt"] = flows["Default queue transfer"]["Id"]
        S["flow_at"] = flows["Default agent transfer"]["Id"]
        S["flow_ow"] = flows["Default outbound"]["Id"]
        S["flow_cq"] = flows["Default customer queue"]["Id"]
        statuses = {s["Name"]: s["Type"] for s in c.list_agent_statuses(InstanceId=iid)["AgentStatusSummaryList"]}
        check(statuses == {"Available": "ROUTABLE", "Offline": "OFFLINE"}, statuses)
        users = c.list_users(InstanceId=iid)["UserSummaryList"]
        check([u["Username"] for u in users] == ["admin"])
        admin = c.describe_user(InstanceId=iid, UserId=users[0]["Id"])["User"]
        check(admin["RoutingProfileId"] == S["basic_rp"] and admin["SecurityProfileIds"] == [S["sp_admin"]])
        q = c.describe_queue(InstanceId=iid, QueueId=S["basic_queue"])["Queue"]
        check(q["Tags"] == {} and q["HoursOfOperationId"] == S["basic_hours"])
    R.case("defaults: Basic Hours, BasicQueue, Basic Routing Profile, profiles, 8 flows, statuses, admin", defaults)

    # ---- hours of operation -----------------------------------------------------------
    config = [{"Day": d, "StartTime": {"Hours": 9, "Minutes": 0}, "EndTime": {"Hours": 17, "Minutes": 30}}
              for d in ["MONDAY", "TUESDAY", "WEDNESDAY"]]

    def hours_crud():
        r = c.create_hours_of_operation(InstanceId=iid, Name="Business Hours", TimeZone="America/New_York",
                                        Config=config, Description="weekdays", Tags={"stack": "conf", "team": "a"})
        S["hours"] = r["HoursOfOperationId"]
        check(r["HoursOfOperationArn"].endswith(f"/operating-hours/{r['HoursOfOperationId']}"))
        d = c.describe_hours_of_operation(InstanceId=iid, HoursOfOperationId=S["hours"])["HoursOfOperation"]
        check(d["Name"] == "Business Hours" and d["TimeZone"] == "America/New_York" and len(d["Config"]) == 3)
        check(d["Tags"] == {"stack": "conf", "team": "a"})
        c.update_hours_of_operation(InstanceId=iid, HoursOfOperationId=S["hours"], Description="updated",
                                    Config=config[:1])
        d = c.describe_hours_of_operation(InstanceId=iid, HoursOfOperationId=S["hours"])["HoursOfOperation"]
        check(d["Description"] == "updated" and len(d["Config"]) == 1)
        tmp = c.create_hours_of_operation(InstanceId=iid, Name="Temp Hours", TimeZone="UTC", Config=config)
        c.delete_hours_of_operation(InstanceId=iid, HoursOfOperationId=tmp["HoursOfOperationId"])
        expect_error("ResourceNotFoundException", c.describe_hours_of_operation, InstanceId=iid,
                     HoursOfOperationId=tmp["HoursOfOperationId"], status=404)
        r = c.search_hours_of_operations(InstanceId=iid, SearchCriteria={"StringCondition": {
            "FieldName": "timezone", "Value": "America/New_York", "ComparisonType": "EXACT"}})
        check([h["Name"] for h in r["HoursOfOperations"]] == ["Business Hours"] and r["ApproximateTotalCount"] == 1)
    R.case("hours: create, describe, update, delete, search", hours_crud)

    def hours_errors():
        expect_error("DuplicateResourceException", c.create_hours_of_operation, InstanceId=iid, Name="Business Hours",
                     TimeZone="UTC", Config=config, status=409)
        expect_error("InvalidParameterException", c.create_hours_of_operation, InstanceId=iid, Name="Bad",
                     TimeZone="UTC", Config=[{"Day": "MONDAY", "StartTime": {"Hours": 25, "Minutes": 0},
                                              "EndTime": {"Hours": 1, "Minutes": 0}}], status=400)
        expect_error("InvalidParameterException", c.create_hours_of_operation, InstanceId=iid, Name="x" * 128,
                     TimeZone="UTC", Config=config)
        expect_error("ResourceNotFoundException", c.describe_hours_of_operation, InstanceId=iid,
                     HoursOfOperationId="11111111-1111-4111-8111-111111111111")
    R.case("hours: duplicate name, bad config, long name, unknown id", hours_errors)

    # ---- queues --------------------------------------------------------------------
    def queues_crud():
        r = c.create_queue(InstanceId=iid, Name="Support", HoursOfOperationId=S["hours"], Description="General",
                           MaxContacts=10, OutboundCallerConfig={"OutboundCallerIdName": "Acme", "OutboundFlowId": S["flow_ow"]},
                           Tags={"stack": "conf"})
        S["q_support"], S["q_support_arn"] = r["QueueId"], r["QueueArn"]
        check(r["QueueArn"] == f"arn:aws:connect:{REGION}:123456789012:instance/{iid}/queue/{r['QueueId']}")
        q = c.describe_queue(InstanceId=iid, QueueId=S["q_support"])["Queue"]
        check(q["Name"] == "Support" and q["MaxContacts"] == 10 and q["Status"] == "ENABLED")
        check(q["OutboundCallerConfig"]["OutboundCallerIdName"] == "Acme")
        c.update_queue_name(InstanceId=iid, QueueId=S["q_support"], Name="Support Tier", Description="renamed")
        c.update_queue_hours_of_operation(InstanceId=iid, QueueId=S["q_support"], HoursOfOperationId=S["basic_hours"])
        c.update_queue_max_contacts(InstanceId=iid, QueueId=S["q_support"], MaxContacts=50)
        c.update_queue_outbound_caller_config(InstanceId=iid, QueueId=S["q_support"],
                                              OutboundCallerConfig={"OutboundCallerIdName": "Acme Support"})
        c.update_queue_status(InstanceId=iid, QueueId=S["q_support"], Status="DISABLED")
        q = c.describe_queue(InstanceId=iid, QueueId=S["q_support"])["Queue"]
        check(q["Name"] == "Support Tier" and q["Description"] == "renamed" and q["MaxContacts"] == 50)
        check(q["HoursOfOperationId"] == S["basic_hours"] and q["Status"] == "DISABLED")
        check(q["OutboundCallerConfig"] == {"OutboundCallerIdName": "Acme Support"})
        c.update_queue_hours_of_operation(InstanceId=iid, QueueId=S["q_support"], HoursOfOperationId=S["hours"])
        r = c.create_queue(InstanceId=iid, Name="Sales", HoursOfOperationId=S["hours"], Tags={"stack": "conf", "team": "sales"})
        S["q_sales"] = r["QueueId"]
        tmp = c.create_queue(InstanceId=iid, Name="Temp Queue", HoursOfOperationId=S["hours"])
        c.delete_queue(InstanceId=iid, QueueId=tmp["QueueId"])
        expect_error("ResourceNotFoundException", c.describe_queue, InstanceId=iid, QueueId=tmp["QueueId"])
    R.case("queues: create, describe, UpdateQueue{Name,HoursOfOperation,MaxContacts,OutboundCallerConfig,Status}, delete", queues_crud)

    def queues_list_search():
        std = [q["Name"] for q in c.list_queues(InstanceId=iid, QueueTypes=["STANDARD"])["QueueSummaryList"]]
        check(std == ["BasicQueue", "Sales", "Support Tier"], std)
        allq = c.list_queues(InstanceId=iid)["QueueSummaryList"]
        check(any(q["QueueType"] == "AGENT" for q in allq), "ListQueues without queueTypes must include AGENT queues")
        r = c.search_queues(InstanceId=iid, SearchCriteria={"StringCondition": {"FieldName": "name", "Value": "s", "ComparisonType": "STARTS_WITH"}})
        check([q["Name"] for q in r["Queues"]] == ["Sales", "Support Tier"], r["Queues"])
        r = c.search_queues(InstanceId=iid, SearchCriteria={"OrConditions": [
            {"StringCondition": {"FieldName": "name", "Value": "BasicQueue", "ComparisonType": "EXACT"}},
            {"StringCondition": {"FieldName": "description", "Value": "enam", "ComparisonType": "CONTAINS"}}]})
        check([q["Name"] for q in r["Queues"]] == ["BasicQueue", "Support Tier"], r["Queues"])
        r = c.search_queues(InstanceId=iid, SearchCriteria={"AndConditions": [
            {"StringCondition": {"FieldName": "name", "Value": "S", "ComparisonType": "STARTS_WITH"}},
            {"QueueTypeCondition": "STANDARD"}]}, SearchFilter={"TagFilter": {"TagCondition": {"TagKey": "team", "TagValue": "sales"}}})
        check([q["Name"] for q in r["Queues"]] == ["Sales"], r["Queues"])
        check(r["Queues"][0]["Tags"]["team"] == "sales")
        r = c.search_queues(InstanceId=iid, SearchFilter={"TagFilter": {"OrConditions": [
            [{"TagKey": "team", "TagValue": "sales"}], [{"TagKey": "stack", "TagValue": "conf"}]]}})
        check([q["Name"] for q in r["Queues"]] == ["Sales", "Support Tier"], r["Queues"])
        r = c.search_queues(InstanceId=iid, SearchFilter={"TagFilter": {"AndConditions": [
            {"TagKey": "team", "TagValue": "sales"}, {"TagKey": "stack", "TagValue": "conf"}]}})
        check([q["Name"] for q in r["Queues"]] == ["Sales"])
        r = c.search_queues(InstanceId=iid)
        check(all("QueueId" in q for q in r["Queues"]) and len(r["Queues"]) == 3, "SearchQueues excludes AGENT queues")
        expect_error("InvalidParameterException", c.search_queues, InstanceId=iid,
                     SearchCriteria={"StringCondition": {"FieldName": "name", "Value": "S", "ComparisonType": "CONTAINS"}})
        expect_error("InvalidParameterException", c.search_queues, InstanceId=iid,
                     SearchCriteria={"StringCondition": {"FieldName": "color", "Value": "red", "ComparisonType": "EXACT"}})
    R.case("queues: ListQueues queueTypes, SearchQueues criteria/and/or/tag filters, bad criteria", queues_list_search)

    def queue_errors():
        expect_error("DuplicateResourceException", c.create_queue, InstanceId=iid, Name="Sales", HoursOfOperationId=S["hours"])
        expect_error("DuplicateResourceException", c.update_queue_name, InstanceId=iid, QueueId=S["q_sales"], Name="BasicQueue")
        expect_error("ResourceNotFoundException", c.create_queue, InstanceId=iid, Name="NoHours",
                     HoursOfOperationId="11111111-1111-4111-8111-111111111111", status=404)
        expect_error("InvalidParameterException", c.update_queue_status, InstanceId=iid, QueueId=S["q_sales"], Status="PAUSED")
        expect_error("ResourceInUseException", c.delete_hours_of_operation, InstanceId=iid, HoursOfOperationId=S["hours"], status=409)
    R.case("queues: duplicate create/rename, unknown hours, bad status; hours in use", queue_errors)

    # ---- quick connects ----------------------------------------------------------------
    def quick_connects():
        r = c.create_quick_connect(InstanceId=iid, Name="To Sales", Description="xfer",
                                   QuickConnectConfig={"QuickConnectType": "QUEUE", "QueueConfig": {"QueueId": S["q_sales"], "ContactFlowId": S["flow_qt"]}},
                                   Tags={"stack": "conf"})
        S["qc_sales"], S["qc_sales_arn"] = r["QuickConnectId"], r["QuickConnectARN"]
        check("/transfer-destination/" in r["QuickConnectARN"])
        r = c.create_quick_connect(InstanceId=iid, Name="Hotline",
                                   QuickConnectConfig={"QuickConnectType": "PHONE_NUMBER", "PhoneConfig": {"PhoneNumber": "+15550100"}})
        S["qc_phone"] = r["QuickConnectId"]
        d = c.describe_quick_connect(InstanceId=iid, QuickConnectId=S["qc_sales"])["QuickConnect"]
        check(d["QuickConnectConfig"]["QueueConfig"]["QueueId"] == S["q_sales"] and d["Tags"] == {"stack": "conf"})
        c.update_quick_connect_name(InstanceId=iid, QuickConnectId=S["qc_phone"], Name="Hotline 2", Description="d")
        c.update_quick_connect_config(InstanceId=iid, QuickConnectId=S["qc_phone"],
                                      QuickConnectConfig={"QuickConnectType": "PHONE_NUMBER", "PhoneConfig": {"PhoneNumber": "+15550199"}})
        d = c.describe_quick_connect(InstanceId=iid, QuickConnectId=S["qc_phone"])["QuickConnect"]
        check(d["Name"] == "Hotline 2" and d["QuickConnectConfig"]["PhoneConfig"]["PhoneNumber"] == "+15550199")
        l = c.list_quick_connects(InstanceId=iid, QuickConnectTypes=["PHONE_NUMBER"])["QuickConnectSummaryList"]
        check([x["Name"] for x in l] == ["Hotline 2"])
        r = c.search_quick_connects(InstanceId=iid, SearchCriteria={"StringCondition": {"FieldName": "name", "Value": "To", "ComparisonType": "STARTS_WITH"}})
        check([x["Name"] for x in r["QuickConnects"]] == ["To Sales"])
        c.associate_queue_quick_connects(InstanceId=iid, QueueId=S["q_support"], QuickConnectIds=[S["qc_sales"], S["qc_phone"]])
        l = c.list_queue_quick_connects(InstanceId=iid, QueueId=S["q_support"], MaxResults=1)
        check(len(l["QuickConnectSummaryList"]) == 1 and "NextToken" in l)
        l2 = c.list_queue_quick_connects(InstanceId=iid, QueueId=S["q_support"], NextToken=l["NextToken"])
        names = [x["Name"] for x in l["QuickConnectSummaryList"] + l2["QuickConnectSummaryList"]]
        check(names == ["Hotline 2", "To Sales"], names)
        c.disassociate_queue_quick_connects(InstanceId=iid, QueueId=S["q_support"], QuickConnectIds=[S["qc_phone"]])
        l = c.list_queue_quick_connects(InstanceId=iid, QueueId=S["q_support"])["QuickConnectSummaryList"]
        check([x["Name"] for x in l] == ["To Sales"])
        expect_error("InvalidParameterException", c.associate_queue_quick_connects, InstanceId=iid, QueueId=S["q_support"],
                     QuickConnectIds=[S["qc_sales"]] * 51)
        expect_error("InvalidParameterException", c.create_quick_connect, InstanceId=iid, Name="Bad flow",
                     QuickConnectConfig={"QuickConnectType": "QUEUE", "QueueConfig": {"QueueId": S["q_sales"], "ContactFlowId": S["flow_at"]}})
        expect_error("DuplicateResourceException", c.create_quick_connect, InstanceId=iid, Name="To Sales",
                     QuickConnectConfig={"QuickConnectType": "PHONE_NUMBER", "PhoneConfig": {"PhoneNumber": "+15550100"}})
        tmp = c.create_quick_connect(InstanceId=iid, Name="Temp QC",
                                     QuickConnectConfig={"QuickConnectType": "PHONE_NUMBER", "PhoneConfig": {"PhoneNumber": "+15550111"}})
        c.delete_quick_connect(InstanceId=iid, QuickConnectId=tmp["QuickConnectId"])
        expect_error("ResourceNotFoundException", c.describe_quick_connect, InstanceId=iid, QuickConnectId=tmp["QuickConnectId"])
    R.case("quick connects: create, describe, update name/config, list, search, queue associations, 51 ids, delete", quick_connects)

    # ---- routing profiles ----------------------------------------------------------------
    def qcfg(qid, ch="VOICE", p=1, d=0):
        return {"QueueReference": {"QueueId": qid, "Channel": ch}, "Priority": p, "Delay": d}

    def routing_profiles():
        r = c.create_routing_profile(InstanceId=iid, Name="Tier 1", Description="Front line", DefaultOutboundQueueId=S["q_support"],
                                     MediaConcurrencies=[{"Channel": "VOICE", "Concurrency": 1}, {"Channel": "CHAT", "Concurrency": 3,
                                                          "CrossChannelBehavior": {"BehaviorType": "ROUTE_ANY_CHANNEL"}}],
                                     QueueConfigs=[qcfg(S["q_support"]), qcfg(S["q_support"], "CHAT", 2, 10), qcfg(S["q_sales"], "VOICE", 3, 30)],
                                     Tags={"stack": "conf"})
        S["rp"] = r["RoutingProfileId"]
        check("/routing-profile/" in r["RoutingProfileArn"])
        d = c.describe_routing_profile(InstanceId=iid, RoutingProfileId=S["rp"])["RoutingProfile"]
        check(d["DefaultOutboundQueueId"] == S["q_support"] and d["NumberOfAssociatedQueues"] == 3)
        check(sorted(d["AssociatedQueueIds"]) == sorted([S["q_support"], S["q_sales"]]))
        chat = [m for m in d["MediaConcurrencies"] if m["Channel"] == "CHAT"][0]
        check(chat["CrossChannelBehavior"]["BehaviorType"] == "ROUTE_ANY_CHANNEL" and "AgentAvailabilityTimer" in d)
        s = c.search_routing_profiles(InstanceId=iid, SearchCriteria={"StringCondition": {"FieldName": "name", "Value": "Tier 1", "ComparisonType": "EXACT"}})
        item = s["RoutingProfiles"][0]
        check(all("CrossChannelBehavior" not in m for m in item["MediaConcurrencies"]), "Search must not populate CrossChannelBehavior")
        check("AgentAvailabilityTimer" not in item, "Search must not populate AgentAvailabilityTimer")
        s = c.search_routing_profiles(InstanceId=iid, SearchCriteria={"StringCondition": {"FieldName": "associatedQueueIds", "Value": S["q_sales"], "ComparisonType": "EXACT"}})
        check([x["Name"] for x in s["RoutingProfiles"]] == ["Tier 1"])
        c.update_routing_profile_name(InstanceId=iid, RoutingProfileId=S["rp"], Name="Tier One", Description="Front line 2")
        c.update_routing_profile_concurrency(InstanceId=iid, RoutingProfileId=S["rp"], MediaConcurrencies=[
            {"Channel": "VOICE", "Concurrency": 1}, {"Channel": "CHAT", "Concurrency": 5}, {"Channel": "TASK", "Concurrency": 10}])
        c.update_routing_profile_default_outbound_queue(InstanceId=iid, RoutingProfileId=S["rp"], DefaultOutboundQueueId=S["q_sales"])
        c.update_routing_profile_agent_availability_timer(InstanceId=iid, RoutingProfileId=S["rp"], AgentAvailabilityTimer="TIME_SINCE_LAST_INBOUND")
        c.update_routing_profile_queues(InstanceId=iid, RoutingProfileId=S["rp"], QueueConfigs=[qcfg(S["q_sales"], "VOICE", 7, 70)])
        c.associate_routing_profile_queues(InstanceId=iid, RoutingProfileId=S["rp"], QueueConfigs=[qcfg(S["basic_queue"], "TASK", 9, 5)])
        c.disassociate_routing_profile_queues(InstanceId=iid, RoutingProfileId=S["rp"], QueueReferences=[{"QueueId": S["q_support"], "Channel": "CHAT"}])
        d = c.describe_routing_profile(InstanceId=iid, RoutingProfileId=S["rp"])["RoutingProfile"]
        check(d["Name"] == "Tier One" and d["DefaultOutboundQueueId"] == S["q_sales"] and d["AgentAvailabilityTimer"] == "TIME_SINCE_LAST_INBOUND")
        check(sorted(m["Channel"] for m in d["MediaConcurrencies"]) == ["CHAT", "TASK", "VOICE"])
        items, pages = all_pages(c.list_routing_profile_queues, "RoutingProfileQueueConfigSummaryList",
                                 InstanceId=iid, RoutingProfileId=S["rp"], MaxResults=1)
        got = sorted((x["QueueName"], x["Channel"], x["Priority"], x["Delay"]) for x in items)
        check(got == [("BasicQueue", "TASK", 9, 5), ("Sales", "VOICE", 7, 70), ("Support Tier", "VOICE", 1, 0)], got)
        check(pages == 3, f"3 pages expected, got {pages}")
        l = [x["Name"] for x in c.list_routing_profiles(InstanceId=iid)["RoutingProfileSummaryList"]]
        check(l == ["Basic Routing Profile", "Tier One"], l)
        tmp = c.create_routing_profile(InstanceId=iid, Name="Temp RP", Description="t", DefaultOutboundQueueId=S["basic_queue"],
                                       MediaConcurrencies=[{"Channel": "VOICE", "Concurrency": 1}])
        c.delete_routing_profile(InstanceId=iid, RoutingProfileId=tmp["RoutingProfileId"])
        expect_error("ResourceNotFoundException", c.describe_routing_profile, InstanceId=iid, RoutingProfileId=tmp["RoutingProfileId"])
    R.case("routing profiles: create, describe vs search, all Update*, associate/disassociate, ListRoutingProfileQueues pages, delete", routing_profiles)

    def routing_profile_limits():
        base = dict(InstanceId=iid, Description="d", DefaultOutboundQueueId=S["basic_queue"], MediaConcurrencies=[{"Channel": "VOICE", "Concurrency": 1}])
        expect_error("InvalidParameterException", c.create_routing_profile, Name="Too many", QueueConfigs=[qcfg(S["q_sales"], "VOICE", i + 1) for i in range(11)], **base)
        expect_error("InvalidParameterException", c.create_routing_profile, Name="Bad priority", QueueConfigs=[qcfg(S["q_sales"], "VOICE", 100)], **base)
        expect_error("InvalidParameterException", c.create_routing_profile, Name="Bad delay", QueueConfigs=[qcfg(S["q_sales"], "VOICE", 1, 10000)], **base)
        expect_error("InvalidParameterException", c.update_routing_profile_concurrency, InstanceId=iid, RoutingProfileId=S["rp"],
                     MediaConcurrencies=[{"Channel": "VOICE", "Concurrency": 2}])
        expect_error("InvalidParameterException", c.update_routing_profile_concurrency, InstanceId=iid, RoutingProfileId=S["rp"],
                     MediaConcurrencies=[{"Channel": "CHAT", "Concurrency": 11}])
        expect_error("InvalidParameterException", c.associate_routing_profile_queues, InstanceId=iid, RoutingProfileId=S["rp"],
                     QueueConfigs=[qcfg(S["q_sales"], "CHAT", i + 1) for i in range(11)])
        expect_error("InvalidParameterException", c.disassociate_routing_profile_queues, InstanceId=iid, RoutingProfileId=S["rp"],
                     QueueReferences=[{"QueueId": S["q_sales"], "Channel": "CHAT"}] * 11)
        expect_error("DuplicateResourceException", c.create_routing_profile, Name="Tier One", **base)
        expect_error("ResourceInUseException", c.delete_queue, InstanceId=iid, QueueId=S["q_sales"], status=409)
        expect_error("ResourceInUseException", c.delete_queue, InstanceId=iid, QueueId=S["q_support"])  # in a queue config
    R.case("routing profiles: 11 queue configs, priority 100, delay 10000, concurrency, 11 references, duplicate; queue in use", routing_profile_limits)

    def routing_profile_manual_queues():
        def mq(qid, ch):
            return {"QueueReference": {"QueueId": qid, "Channel": ch}}
        base = dict(InstanceId=iid, Description="d", DefaultOutboundQueueId=S["basic_queue"],
                    MediaConcurrencies=[{"Channel": "CHAT", "Concurrency": 2}, {"Channel": "TASK", "Concurrency": 2}])
        r = c.create_routing_profile(Name="Manual", ManualAssignmentQueueConfigs=[mq(S["q_sales"], "CHAT")], **base)
        rp = r["RoutingProfileId"]
        c.associate_routing_profile_queues(InstanceId=iid, RoutingProfileId=rp, ManualAssignmentQueueConfigs=[mq(S["basic_queue"], "TASK")])
        items, pages = all_pages(c.list_routing_profile_manual_assignment_queues, "RoutingProfileManualAssignmentQueueConfigSummaryList",
                                 InstanceId=iid, RoutingProfileId=rp, MaxResults=1)
        got = sorted((x["QueueName"], x["Channel"]) for x in items)
        check(got == [("BasicQueue", "TASK"), ("Sales", "CHAT")] and pages == 2, (got, pages))
        d = c.describe_routing_profile(InstanceId=iid, RoutingProfileId=rp)["RoutingProfile"]
        check(d["NumberOfAssociatedManualAssignmentQueues"] == 2 and sorted(d["AssociatedManualAssignmentQueueIds"]) == sorted([S["q_sales"], S["basic_queue"]]))
        check(d["NumberOfAssociatedQueues"] == 0, "manual assignment queues are not routing queues")
        c.disassociate_routing_profile_queues(InstanceId=iid, RoutingProfileId=rp,
                                              ManualAssignmentQueueReferences=[{"QueueId": S["q_sales"], "Channel": "CHAT"}])
        got = [(x["QueueName"], x["Channel"]) for x in c.list_routing_profile_manual_assignment_queues(
            InstanceId=iid, RoutingProfileId=rp)["RoutingProfileManualAssignmentQueueConfigSummaryList"]]
        check(got == [("BasicQueue", "TASK")], got)
        expect_error("InvalidParameterException", c.associate_routing_profile_queues, InstanceId=iid, RoutingProfileId=rp,
                     ManualAssignmentQueueConfigs=[mq(S["q_sales"], "VOICE")])
        expect_error("InvalidParameterException", c.create_routing_profile, Name="Too many manual",
                     ManualAssignmentQueueConfigs=[mq(S["q_sales"], "CHAT")] * 11, **base)
        c.delete_routing_profile(InstanceId=iid, RoutingProfileId=rp)
    R.case("routing profiles: manual assignment queues create, associate, list pages, describe counts, disassociate, VOICE refused", routing_profile_manual_queues)

    # ---- contact flows -------------------------------------------------------------------
    def flows():
        queue_arn = S["q_support_arn"]
        content = flow_content({"QueueId": queue_arn})
        r = c.create_contact_flow(InstanceId=iid, Name="Main IVR", Type="CONTACT_FLOW", Content=content,
                                  Description="entry", Tags={"stack": "conf"})
        S["flow"], S["flow_arn"] = r["ContactFlowId"], r["ContactFlowArn"]
        check("/contact-flow/" in r["ContactFlowArn"])
        d = c.describe_contact_flow(InstanceId=iid, ContactFlowId=S["flow"])["ContactFlow"]
        check(d["Status"] == "PUBLISHED" and d["State"] == "ACTIVE" and d["Content"] == content and d["Type"] == "CONTACT_FLOW")
        check(len(d["FlowContentSha256"]) == 64)
        saved = c.describe_contact_flow(InstanceId=iid, ContactFlowId=S["flow"] + ":$SAVED")["ContactFlow"]
        check(saved["Id"] == S["flow"])
        new = flow_content({"Text": "Welcome"})
        c.update_contact_flow_content(InstanceId=iid, ContactFlowId=S["flow"], Content=new)
        c.update_contact_flow_name(InstanceId=iid, ContactFlowId=S["flow"], Name="Main IVR 2", Description="entry 2")
        c.update_contact_flow_metadata(InstanceId=iid, ContactFlowId=S["flow"], Name="Main IVR", ContactFlowState="ARCHIVED")
        d = c.describe_contact_flow(InstanceId=iid, ContactFlowId=S["flow"])["ContactFlow"]
        check(d["Content"] == new and d["Name"] == "Main IVR" and d["State"] == "ARCHIVED" and d["Description"] == "entry 2")
        c.update_contact_flow_metadata(InstanceId=iid, ContactFlowId=S["flow"], ContactFlowState="ACTIVE")
        r = c.create_contact_flow(InstanceId=iid, Name="Draft", Type="CUSTOMER_QUEUE", Status="SAVED",
                                  Content=flow_content({"QueueId": queue_arn.replace(S["q_support"], "22222222-2222-4222-8222-222222222222")}))
        S["flow_draft"] = r["ContactFlowId"]
        l = c.list_contact_flows(InstanceId=iid, ContactFlowTypes=["CONTACT_FLOW"])["ContactFlowSummaryList"]
        check([x["Name"] for x in l] == ["Main IVR"], l)
        s = c.search_contact_flows(InstanceId=iid, SearchCriteria={"AndConditions": [{"TypeCondition": "CUSTOMER_QUEUE"}, {"StatusCondition": "SAVED"}]})
        check([x["Name"] for x in s["ContactFlows"]] == ["Draft"])
        s = c.search_contact_flows(InstanceId=iid, SearchCriteria={"StringCondition": {"FieldName": "name", "Value": "Default", "ComparisonType": "STARTS_WITH"}}, MaxResults=5)
        check(len(s["ContactFlows"]) == 5 and s["ApproximateTotalCount"] == 8 and "NextToken" in s)
        s2 = c.search_contact_flows(InstanceId=iid, SearchCriteria={"StringCondition": {"FieldName": "name", "Value": "Default", "ComparisonType": "STARTS_WITH"}}, MaxResults=5, NextToken=s["NextToken"])
        check(len(s2["ContactFlows"]) == 3 and "NextToken" not in s2)
        s = c.search_contact_flows(InstanceId=iid, SearchFilter={"TagFilter": {"TagCondition": {"TagKey": "stack", "TagValue": "conf"}}})
        check([x["Name"] for x in s["ContactFlows"]] == ["Main IVR"])
        c.delete_contact_flow(InstanceId=iid, ContactFlowId=S["flow_draft"])
        expect_error("ResourceNotFoundException", c.describe_contact_flow, InstanceId=iid, ContactFlowId=S["flow_draft"])
    R.case("flows: create, describe (+:$SAVED), UpdateContactFlow{Content,Name,Metadata}, list by type, search, delete", flows)

    def flow_errors():
        e = expect_error("InvalidContactFlowException", c.create_contact_flow, InstanceId=iid, Name="Broken", Type="CONTACT_FLOW",
                         Content=json.dumps({"Version": "2019-10-30", "StartAction": "nope", "Actions": []}), status=400)
        check(e["Error"]["Code"] == "InvalidContactFlowException")
        e = expect_error("InvalidContactFlowException", c.create_contact_flow, InstanceId=iid, Name="Broken", Type="CONTACT_FLOW",
                         Content="not json")
        missing = S["q_support_arn"].replace(S["q_support"], "33333333-3333-4333-8333-333333333333")
        expect_error("InvalidContactFlowException", c.create_contact_flow, InstanceId=iid, Name="Dangling", Type="CONTACT_FLOW",
                     Content=flow_content({"QueueId": missing}))
        expect_error("InvalidContactFlowException", c.update_contact_flow_content, InstanceId=iid, ContactFlowId=S["flow"],
                     Content=json.dumps({"Version": "2019-10-30", "StartAction": "a", "Actions": [
                         {"Identifier": "a", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}},
                         {"Identifier": "a", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}]}))
        expect_error("DuplicateResourceException", c.create_contact_flow, InstanceId=iid, Name="Main IVR", Type="CONTACT_FLOW", Content=flow_content())
        expect_error("DuplicateResourceException", c.update_contact_flow_name, InstanceId=iid, ContactFlowId=S["flow"], Name="Default outbound")
    R.case("flows: invalid content, dangling ARN when published, duplicate identifiers, duplicate names", flow_errors)

    def flow_error_problems():
        # botocore keeps error shape members in the parsed response (problems, lower-case).
        try:
            c.create_contact_flow(InstanceId=iid, Name="Broken", Type="CONTACT_FLOW", Content=json.dumps({"Version": "2000-01-01", "Actions": []}))
        except ClientError as e:
            problems = e.response.get("problems")
            check(isinstance(problems, list) and problems and "message" in problems[0], e.response)
            return
        raise AssertionError("expected InvalidContactFlowException")
    R.case("flows: InvalidContactFlowException carries problems[].message", flow_error_problems)

    # ---- flow modules -------------------------------------------------------------------
    def modules():
        r = c.create_contact_flow_module(InstanceId=iid, Name="Greeting", Content=flow_content(), Description="m", Tags={"stack": "conf"})
        S["module"], S["module_arn"] = r["Id"], r["Arn"]
        check("/flow-module/" in r["Arn"])
        d = c.describe_contact_flow_module(InstanceId=iid, ContactFlowModuleId=S["module"])["ContactFlowModule"]
        check(d["Name"] == "Greeting" and d["Status"] == "PUBLISHED" and d["State"] == "ACTIVE")
        c.update_contact_flow_module_content(InstanceId=iid, ContactFlowModuleId=S["module"], Content=flow_content({"Text": "Hi"}))
        c.update_contact_flow_module_metadata(InstanceId=iid, ContactFlowModuleId=S["module"], Name="Greeting 2", State="ARCHIVED")
        d = c.describe_contact_flow_module(InstanceId=iid, ContactFlowModuleId=S["module"])["ContactFlowModule"]
        check(d["Name"] == "Greeting 2" and d["State"] == "ARCHIVED" and "Hi" in d["Content"])
        check([x["Name"] for x in c.list_contact_flow_modules(InstanceId=iid, ContactFlowModuleState="ARCHIVED")["ContactFlowModulesSummaryList"]] == ["Greeting 2"])
        c.update_contact_flow_module_metadata(InstanceId=iid, ContactFlowModuleId=S["module"], State="ACTIVE")
        s = c.search_contact_flow_modules(InstanceId=iid, SearchCriteria={"StringCondition": {"FieldName": "name", "Value": "eting", "ComparisonType": "CONTAINS"}})
        check([x["Name"] for x in s["ContactFlowModules"]] == ["Greeting 2"])
        e = expect_error("InvalidContactFlowModuleException", c.create_contact_flow_module, InstanceId=iid, Name="Bad", Content="{}")
        check(e.get("Problems"), "module errors carry Problems")
        expect_error("DuplicateResourceException", c.create_contact_flow_module, InstanceId=iid, Name="Greeting 2", Content=flow_content())
        # a published flow may reference the module by ARN
        r = c.create_contact_flow(InstanceId=iid, Name="Uses module", Type="CONTACT_FLOW", Content=flow_content({"FlowModuleId": S["module_arn"]}))
        c.delete_contact_flow(InstanceId=iid, ContactFlowId=r["ContactFlowId"])
        tmp = c.create_contact_flow_module(InstanceId=iid, Name="Temp module", Content=flow_content())
        c.delete_contact_flow_module(InstanceId=iid, ContactFlowModuleId=tmp["Id"])
        expect_error("ResourceNotFoundException", c.describe_contact_flow_module, InstanceId=iid, ContactFlowModuleId=tmp["Id"])
    R.case("flow modules: create, describe, update content/metadata, list by state, search, errors, delete", modules)

    # ---- S3 objects (prompts' audio) ------------------------------------------------
    s3 = boto3.client("s3", endpoint_url=args.endpoint, region_name=REGION, aws_access_key_id="test",
                      aws_secret_access_key="test", config=Config(
                          retries={"max_attempts": 1}, s3={"addressing_style": "path"}))

    def s3_objects():
        wav = b"RIFF\x24\x00\x00\x00WAVEfmt "
        put = s3.put_object(Bucket="bucket", Key="prompts/hello world.wav", Body=wav, ContentType="audio/wav")
        check(put["ETag"].startswith('"'), put)
        head = s3.head_object(Bucket="bucket", Key="prompts/hello world.wav")
        check(head["ContentLength"] == len(wav) and head["ContentType"] == "audio/wav", head)
        check(s3.get_object(Bucket="bucket", Key="prompts/hello world.wav")["Body"].read() == wav)
        try:
            s3.head_object(Bucket="bucket", Key="missing.wav")
            check(False, "HEAD of a missing key succeeded")
        except botocore.exceptions.ClientError as e:
            check(e.response["ResponseMetadata"]["HTTPStatusCode"] == 404, e.response)
        try:
            s3.get_object(Bucket="bucket", Key="missing.wav")
            check(False, "GET of a missing key succeeded")
        except botocore.exceptions.ClientError as e:
            check(e.response["Error"]["Code"] == "NoSuchKey", e.response)
        bad = boto3.client("s3", endpoint_url=args.endpoint, region_name=REGION, aws_access_key_id="test",
                           aws_secret_access_key="wrong", config=Config(
                               retries={"max_attempts": 1}, s3={"addressing_style": "path"}))
        try:
            bad.put_object(Bucket="bucket", Key="x.wav", Body=b"x")
            check(False, "a wrong secret was accepted by S3")
        except botocore.exceptions.ClientError as e:
            check(e.response["Error"]["Code"] == "SignatureDoesNotMatch", e.response)
        # CreatePrompt names objects that exist (the emulator's S3).
        expect_error("InvalidParameterException", c.create_prompt, InstanceId=iid, Name="No audio", S3Uri="s3://bucket/none.wav")
        for key in ("welcome.wav", "t.wav", "p.wav"):
            s3.put_object(Bucket="bucket", Key=key, Body=wav)
    R.case("s3: PutObject/HeadObject/GetObject path style, NoSuchKey, bad signature; CreatePrompt needs the object", s3_objects)

    # ---- prompts --------------------------------------------------------------------
    def prompts():
        r = c.create_prompt(InstanceId=iid, Name="Welcome", S3Uri="s3://bucket/welcome.wav", Tags={"stack": "conf"})
        S["prompt_arn"] = r["PromptARN"]
        check("/prompt/" in r["PromptARN"])
        d = c.describe_prompt(InstanceId=iid, PromptId=r["PromptId"])["Prompt"]
        check(d["Name"] == "Welcome")
        u = c.update_prompt(InstanceId=iid, PromptId=r["PromptId"], Description="hello")
        check(u["PromptId"] == r["PromptId"])
        check([p["Name"] for p in c.list_prompts(InstanceId=iid)["PromptSummaryList"]] == ["Welcome"])
        check(c.search_prompts(InstanceId=iid)["ApproximateTotalCount"] == 1)
        c.create_contact_flow(InstanceId=iid, Name="Plays prompt", Type="CONTACT_FLOW", Content=flow_content({"PromptId": r["PromptARN"]}))
        tmp = c.create_prompt(InstanceId=iid, Name="Temp prompt", S3Uri="s3://bucket/t.wav")
        c.delete_prompt(InstanceId=iid, PromptId=tmp["PromptId"])
        expect_error("ResourceNotFoundException", c.describe_prompt, InstanceId=iid, PromptId=tmp["PromptId"])
    R.case("prompts: create, describe, update, list, search, referenced by a flow, delete", prompts)

    # ---- security profiles ------------------------------------------------------------
    def security_profiles():
        perms = [f"Perm.{i:03d}" for i in range(7)]
        r = c.create_security_profile(InstanceId=iid, SecurityProfileName="Supervisor", Description="leads",
                                      Permissions=perms, Tags={"stack": "conf"})
        S["sp"] = r["SecurityProfileId"]
        check("/security-profile/" in r["SecurityProfileArn"])
        d = c.describe_security_profile(InstanceId=iid, SecurityProfileId=S["sp"])["SecurityProfile"]
        check(d["SecurityProfileName"] == "Supervisor" and d["Description"] == "leads" and d["Tags"] == {"stack": "conf"})
        items, pages = all_pages(c.list_security_profile_permissions, "Permissions", InstanceId=iid, SecurityProfileId=S["sp"], MaxResults=3)
        check(items == perms and pages == 3, (items, pages))
        c.update_security_profile(InstanceId=iid, SecurityProfileId=S["sp"], Description="team leads", Permissions=["BasicAgentAccess"])
        check(c.list_security_profile_permissions(InstanceId=iid, SecurityProfileId=S["sp"])["Permissions"] == ["BasicAgentAccess"])
        s = c.search_security_profiles(InstanceId=iid, SearchCriteria={"StringCondition": {"FieldName": "name", "Value": "Super", "ComparisonType": "STARTS_WITH"}})
        item = s["SecurityProfiles"][0]
        check(item["SecurityProfileName"] == "Supervisor" and "LastModifiedTime" not in item)
        expect_error("DuplicateResourceException", c.create_security_profile, InstanceId=iid, SecurityProfileName="Agent")
        expect_error("InvalidParameterException", c.create_security_profile, InstanceId=iid, SecurityProfileName="bad/name")
        tmp = c.create_security_profile(InstanceId=iid, SecurityProfileName="Temp SP")
        c.delete_security_profile(InstanceId=iid, SecurityProfileId=tmp["SecurityProfileId"])
        expect_error("ResourceNotFoundException", c.describe_security_profile, InstanceId=iid, SecurityProfileId=tmp["SecurityProfileId"])
    R.case("security profiles: create, describe, permissions pages, update, search summary, errors, delete", security_profiles)

    def security_profile_access_control():
        apps = [{"Namespace": "acme.crm", "ApplicationPermissions": ["ACCESS"], "Type": "THIRD_PARTY_APPLICATION"},
                {"Namespace": "acme.tools", "ApplicationPermissions": ["lookup"], "Type": "MCP"}]
        r = c.create_security_profile(InstanceId=iid, SecurityProfileName="Restricted", AllowedAccessControlTags={"region": "emea"},
                                      TagRestrictedResources=["User", "Queue"], HierarchyRestrictedResources=["User"], Applications=apps)
        sp = r["SecurityProfileId"]
        d = c.describe_security_profile(InstanceId=iid, SecurityProfileId=sp)["SecurityProfile"]
        check(d["AllowedAccessControlTags"] == {"region": "emea"} and d["TagRestrictedResources"] == ["User", "Queue"]
              and d["HierarchyRestrictedResources"] == ["User"], d)
        items, pages = all_pages(c.list_security_profile_applications, "Applications", InstanceId=iid, SecurityProfileId=sp, MaxResults=1)
        check(sorted(a["Namespace"] for a in items) == ["acme.crm", "acme.tools"] and pages == 2, (items, pages))
        c.update_security_profile(InstanceId=iid, SecurityProfileId=sp, AllowedAccessControlTags={"region": "apac"}, Applications=apps[:1])
        d = c.describe_security_profile(InstanceId=iid, SecurityProfileId=sp)["SecurityProfile"]
        check(d["AllowedAccessControlTags"] == {"region": "apac"} and d["TagRestrictedResources"] == ["User", "Queue"], d)
        check([a["Namespace"] for a in c.list_security_profile_applications(InstanceId=iid, SecurityProfileId=sp)["Applications"]] == ["acme.crm"])
        item = c.search_security_profiles(InstanceId=iid, SearchCriteria={"StringCondition": {"FieldName": "name", "Value": "Restricted", "ComparisonType": "EXACT"}})["SecurityProfiles"][0]
        check("AllowedAccessControlTags" not in item and "TagRestrictedResources" not in item, "SecurityProfileSearchSummary lacks them")
        expect_error("InvalidParameterException", c.update_security_profile, InstanceId=iid, SecurityProfileId=sp,
                     AllowedAccessControlTags={f"k{i}": "v" for i in range(5)})
        expect_error("InvalidParameterException", c.update_security_profile, InstanceId=iid, SecurityProfileId=sp,
                     Applications=[{"Namespace": "acme.crm", "ApplicationPermissions": ["ADMIN"]}])
        expect_error("ResourceNotFoundException", c.update_security_profile, InstanceId=iid, SecurityProfileId=sp,
                     AllowedAccessControlHierarchyGroupId="00000000-0000-0000-0000-000000000000")
        c.delete_security_profile(InstanceId=iid, SecurityProfileId=sp)
    R.case("security profiles: access-control tags, restricted resources, applications pages, update keeps the rest, limits", security_profile_access_control)

    # ---- integrations: Lambda functions and Lex V2 bots associated with the instance -------
    def integrations():
        arn = "arn:aws:lambda:us-east-1:123456789012:function:lookup"
        alias = "arn:aws:lex:us-east-1:123456789012:bot-alias/BOTID/ALIASID"
        c.associate_lambda_function(InstanceId=iid, FunctionArn=arn)
        check(arn in c.list_lambda_functions(InstanceId=iid)["LambdaFunctions"])
        c.associate_bot(InstanceId=iid, LexV2Bot={"AliasArn": alias})
        check({"LexV2Bot": {"AliasArn": alias}} in c.list_bots(InstanceId=iid, LexVersion="V2")["LexBots"])
        content = json.dumps({"Version": "2019-10-30", "StartAction": "l", "Actions": [
            {"Identifier": "l", "Type": "InvokeLambdaFunction", "Parameters": {"LambdaFunctionARN": arn},
             "Transitions": {"NextAction": "e", "Errors": [{"NextAction": "e", "ErrorType": "NoMatchingError"}]}},
            {"Identifier": "e", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}]})
        flow = c.create_contact_flow(InstanceId=iid, Name="Lambda lookup", Type="CONTACT_FLOW", Content=content)
        c.disassociate_lambda_function(InstanceId=iid, FunctionArn=arn)
        check(arn not in c.list_lambda_functions(InstanceId=iid)["LambdaFunctions"])
        expect_error("InvalidContactFlowException", c.update_contact_flow_content, InstanceId=iid,
                     ContactFlowId=flow["ContactFlowId"], Content=content)
        expect_error("ResourceNotFoundException", c.disassociate_lambda_function, InstanceId=iid, FunctionArn=arn)
        c.disassociate_bot(InstanceId=iid, LexV2Bot={"AliasArn": alias})
        c.delete_contact_flow(InstanceId=iid, ContactFlowId=flow["ContactFlowId"])
    R.case("integrations: Associate/Disassociate/ListLambdaFunctions and Bots; publish needs the Lambda associated", integrations)

    # ---- phone numbers: a fake, deterministic pool (docs/emulator.md "Phone numbers") ----------
    def phone_numbers():
        free = c.search_available_phone_numbers(InstanceId=iid, PhoneNumberCountryCode="US", PhoneNumberType="DID",
                                                MaxResults=2)
        numbers = [n["PhoneNumber"] for n in free["AvailableNumbersList"]]
        check(numbers == ["+15550100000", "+15550100001"] and "NextToken" in free, free)
        check(all(n["PhoneNumberCountryCode"] == "US" and n["PhoneNumberType"] == "DID" for n in free["AvailableNumbersList"]))
        claimed = c.claim_phone_number(InstanceId=iid, PhoneNumber=numbers[0], PhoneNumberDescription="Main line",
                                       Tags={"team": "support"})
        pid, parn = claimed["PhoneNumberId"], claimed["PhoneNumberArn"]
        check(parn == f"arn:aws:connect:{REGION}:{parn.split(':')[4]}:phone-number/{pid}", parn)
        again = c.search_available_phone_numbers(InstanceId=iid, PhoneNumberCountryCode="US", PhoneNumberType="DID", MaxResults=1)
        check(again["AvailableNumbersList"][0]["PhoneNumber"] == numbers[1], again)
        expect_error("InvalidParameterException", c.claim_phone_number, InstanceId=iid, PhoneNumber=numbers[0])
        expect_error("InvalidParameterException", c.claim_phone_number, InstanceId=iid, PhoneNumber="+99912345")
        toll = c.claim_phone_number(InstanceId=iid, PhoneNumber="+18005550199")["PhoneNumberId"]
        d = c.describe_phone_number(PhoneNumberId=pid)["ClaimedPhoneNumberSummary"]
        check(d["PhoneNumber"] == numbers[0] and d["PhoneNumberType"] == "DID" and d["PhoneNumberDescription"] == "Main line"
              and d["InstanceId"] == iid and d["Tags"] == {"team": "support"} and d["PhoneNumberStatus"]["Status"] == "CLAIMED", d)
        listed, pages = all_pages(c.list_phone_numbers_v2, "ListPhoneNumbersSummaryList", InstanceId=iid, MaxResults=1)
        check([n["PhoneNumber"] for n in listed] == [numbers[0], "+18005550199"] and pages == 2, listed)
        tf = c.list_phone_numbers_v2(InstanceId=iid, PhoneNumberTypes=["TOLL_FREE"])["ListPhoneNumbersSummaryList"]
        check([n["PhoneNumberId"] for n in tf] == [toll], tf)
        c.update_phone_number_metadata(PhoneNumberId=pid, PhoneNumberDescription="Support line")
        check(c.describe_phone_number(PhoneNumberId=pid)["ClaimedPhoneNumberSummary"]["PhoneNumberDescription"] == "Support line")
        flow = c.create_contact_flow(InstanceId=iid, Name="Number flow", Type="CONTACT_FLOW", Content=flow_content())
        c.associate_phone_number_contact_flow(PhoneNumberId=pid, InstanceId=iid, ContactFlowId=flow["ContactFlowId"])
        assoc = c.list_flow_associations(InstanceId=iid, ResourceType="VOICE_PHONE_NUMBER")["FlowAssociationSummaryList"]
        check(assoc == [{"ResourceId": parn, "FlowId": flow["ContactFlowArn"], "ResourceType": "VOICE_PHONE_NUMBER"}], assoc)
        expect_error("ResourceNotFoundException", c.associate_phone_number_contact_flow, PhoneNumberId=pid, InstanceId=iid,
                     ContactFlowId="55555555-5555-4555-8555-555555555555")
        c.disassociate_phone_number_contact_flow(PhoneNumberId=pid, InstanceId=iid)
        check(c.list_flow_associations(InstanceId=iid, ResourceType="VOICE_PHONE_NUMBER")["FlowAssociationSummaryList"] == [])
        c.tag_resource(resourceArn=parn, tags={"env": "test"})
        check(c.list_tags_for_resource(resourceArn=parn)["tags"] == {"team": "support", "env": "test"})
        c.release_phone_number(PhoneNumberId=toll)
        expect_error("ResourceNotFoundException", c.describe_phone_number, PhoneNumberId=toll)
        c.delete_contact_flow(InstanceId=iid, ContactFlowId=flow["ContactFlowId"])
        S["phone_number"] = pid
    R.case("phone numbers: search available, claim, describe, list V2, metadata, flow association, tags, release", phone_numbers)

    # ---- user hierarchy -----------------------------------------------------------------
    def hierarchy():
        check(c.describe_user_hierarchy_structure(InstanceId=iid)["HierarchyStructure"] == {})
        expect_error("InvalidParameterException", c.create_user_hierarchy_group, InstanceId=iid, Name="Americas")
        c.update_user_hierarchy_structure(InstanceId=iid, HierarchyStructure={"LevelOne": {"Name": "Region"}, "LevelTwo": {"Name": "Site"}})
        hs = c.describe_user_hierarchy_structure(InstanceId=iid)["HierarchyStructure"]
        check(hs["LevelOne"]["Name"] == "Region" and hs["LevelTwo"]["Name"] == "Site")
        r = c.create_user_hierarchy_group(InstanceId=iid, Name="Americas", Tags={"stack": "conf"})
        S["hg_parent"] = r["HierarchyGroupId"]
        check("/agent-group/" in r["HierarchyGroupArn"])
        r = c.create_user_hierarchy_group(InstanceId=iid, Name="New York", ParentGroupId=S["hg_parent"])
        S["hg_child"] = r["HierarchyGroupId"]
        d = c.describe_user_hierarchy_group(InstanceId=iid, HierarchyGroupId=S["hg_child"])["HierarchyGroup"]
        check(d["LevelId"] == "2" and d["HierarchyPath"]["LevelOne"]["Name"] == "Americas" and d["HierarchyPath"]["LevelTwo"]["Name"] == "New York")
        c.update_user_hierarchy_group_name(InstanceId=iid, HierarchyGroupId=S["hg_child"], Name="NYC")
        check([g["Name"] for g in c.list_user_hierarchy_groups(InstanceId=iid)["UserHierarchyGroupSummaryList"]] == ["Americas", "NYC"])
        s = c.search_user_hierarchy_groups(InstanceId=iid, SearchCriteria={"StringCondition": {"FieldName": "parentId", "Value": S["hg_parent"], "ComparisonType": "EXACT"}})
        check([g["Name"] for g in s["UserHierarchyGroups"]] == ["NYC"])
        s = c.search_user_hierarchy_groups(InstanceId=iid, SearchFilter={"AttributeFilter": {"TagCondition": {"TagKey": "stack", "TagValue": "conf"}}})
        check([g["Name"] for g in s["UserHierarchyGroups"]] == ["Americas"])
        expect_error("ResourceInUseException", c.delete_user_hierarchy_group, InstanceId=iid, HierarchyGroupId=S["hg_parent"], status=409)
        expect_error("ResourceInUseException", c.update_user_hierarchy_structure, InstanceId=iid, HierarchyStructure={"LevelOne": {"Name": "Region"}})
        expect_error("DuplicateResourceException", c.create_user_hierarchy_group, InstanceId=iid, Name="NYC", ParentGroupId=S["hg_parent"])
        tmp = c.create_user_hierarchy_group(InstanceId=iid, Name="Temp group", ParentGroupId=S["hg_parent"])
        c.delete_user_hierarchy_group(InstanceId=iid, HierarchyGroupId=tmp["HierarchyGroupId"])
        expect_error("ResourceNotFoundException", c.describe_user_hierarchy_group, InstanceId=iid, HierarchyGroupId=tmp["HierarchyGroupId"])
    R.case("hierarchy: structure, groups with parents, path, rename, list, search, in use, delete", hierarchy)

    # ---- users ------------------------------------------------------------------------
    def users():
        r = c.create_user(InstanceId=iid, Username="jdoe", Password="Passw0rd!x", IdentityInfo={"FirstName": "Jane", "LastName": "Doe", "Email": "j@example.com"},
                          PhoneConfig={"PhoneType": "SOFT_PHONE", "AutoAccept": False, "AfterContactWorkTimeLimit": 30},
                          SecurityProfileIds=[S["sp_agent"]], RoutingProfileId=S["rp"], HierarchyGroupId=S["hg_child"], Tags={"stack": "conf"})
        S["user"], S["user_arn"] = r["UserId"], r["UserArn"]
        check(r["UserArn"].endswith(f"/agent/{r['UserId']}"))
        d = c.describe_user(InstanceId=iid, UserId=S["user"])["User"]
        check(d["Username"] == "jdoe" and d["IdentityInfo"]["FirstName"] == "Jane" and d["PhoneConfig"]["AfterContactWorkTimeLimit"] == 30)
        check("Password" not in d)
        agent_queues = [q for q in c.list_queues(InstanceId=iid, QueueTypes=["AGENT"])["QueueSummaryList"]]
        check(len(agent_queues) == 2, "each user has an AGENT queue")
        c.update_user_identity_info(InstanceId=iid, UserId=S["user"], IdentityInfo={"FirstName": "Janet", "LastName": "Doe"})
        c.update_user_phone_config(InstanceId=iid, UserId=S["user"], PhoneConfig={"PhoneType": "DESK_PHONE", "DeskPhoneNumber": "+15550123", "AutoAccept": True})
        c.update_user_routing_profile(InstanceId=iid, UserId=S["user"], RoutingProfileId=S["basic_rp"])
        c.update_user_security_profiles(InstanceId=iid, UserId=S["user"], SecurityProfileIds=[S["sp_agent"], S["sp"]])
        c.update_user_hierarchy(InstanceId=iid, UserId=S["user"], HierarchyGroupId=S["hg_parent"])
        d = c.describe_user(InstanceId=iid, UserId=S["user"])["User"]
        check(d["IdentityInfo"]["FirstName"] == "Janet" and d["PhoneConfig"]["PhoneType"] == "DESK_PHONE")
        check(d["RoutingProfileId"] == S["basic_rp"] and sorted(d["SecurityProfileIds"]) == sorted([S["sp_agent"], S["sp"]]))
        check(d["HierarchyGroupId"] == S["hg_parent"])
        c.update_user_routing_profile(InstanceId=iid, UserId=S["user"], RoutingProfileId=S["rp"])
        c.update_user_hierarchy(InstanceId=iid, UserId=S["user"], HierarchyGroupId=S["hg_child"])
        check([u["Username"] for u in c.list_users(InstanceId=iid)["UserSummaryList"]] == ["admin", "jdoe"])
        s = c.search_users(InstanceId=iid, SearchCriteria={"StringCondition": {"FieldName": "FirstName", "Value": "Jan", "ComparisonType": "STARTS_WITH"}})
        check([u["Username"] for u in s["Users"]] == ["jdoe"])
        item = s["Users"][0]
        check("LastModifiedTime" not in item and set(item["IdentityInfo"]) <= {"FirstName", "LastName"}, "UserSearchSummary shape")
        s = c.search_users(InstanceId=iid, SearchCriteria={"HierarchyGroupCondition": {"Value": S["hg_parent"], "HierarchyGroupMatchType": "WITH_CHILD_GROUPS"}})
        check([u["Username"] for u in s["Users"]] == ["jdoe"])
        s = c.search_users(InstanceId=iid, SearchFilter={"TagFilter": {"TagCondition": {"TagKey": "stack", "TagValue": "conf"}}})
        check([u["Username"] for u in s["Users"]] == ["jdoe"])
        s = c.search_users(InstanceId=iid, SearchCriteria={"StringCondition": {"FieldName": "SecurityProfileId", "Value": S["sp"], "ComparisonType": "EXACT"}})
        check([u["Username"] for u in s["Users"]] == ["jdoe"])
        r = c.create_quick_connect(InstanceId=iid, Name="To Jane",
                                   QuickConnectConfig={"QuickConnectType": "USER", "UserConfig": {"UserId": S["user"], "ContactFlowId": S["flow_at"]}})
        check(c.describe_quick_connect(InstanceId=iid, QuickConnectId=r["QuickConnectId"])["QuickConnect"]["QuickConnectConfig"]["QuickConnectType"] == "USER")
        expect_error("DuplicateResourceException", c.create_user, InstanceId=iid, Username="jdoe", SecurityProfileIds=[S["sp_agent"]], RoutingProfileId=S["rp"], PhoneConfig={"PhoneType": "SOFT_PHONE"})
        expect_error("InvalidParameterException", c.update_user_security_profiles, InstanceId=iid, UserId=S["user"], SecurityProfileIds=[S["sp_agent"]] * 11)
        expect_error("ResourceNotFoundException", c.update_user_routing_profile, InstanceId=iid, UserId=S["user"], RoutingProfileId="44444444-4444-4444-8444-444444444444")
        expect_error("ResourceInUseException", c.delete_routing_profile, InstanceId=iid, RoutingProfileId=S["rp"], status=409)
        expect_error("ResourceInUseException", c.delete_security_profile, InstanceId=iid, SecurityProfileId=S["sp"], status=409)
        expect_error("ResourceInUseException", c.delete_user_hierarchy_group, InstanceId=iid, HierarchyGroupId=S["hg_child"], status=409)
        tmp = c.create_user(InstanceId=iid, Username="temp.user", SecurityProfileIds=[S["sp_agent"]], RoutingProfileId=S["basic_rp"], PhoneConfig={"PhoneType": "SOFT_PHONE"})
        c.delete_user(InstanceId=iid, UserId=tmp["UserId"])
        expect_error("ResourceNotFoundException", c.describe_user, InstanceId=iid, UserId=tmp["UserId"])
        check(len(c.list_queues(InstanceId=iid, QueueTypes=["AGENT"])["QueueSummaryList"]) == 2, "agent queue removed with its user")
    R.case("users: create, describe, all UpdateUser*, AGENT queue, list, search (summary, hierarchy, tags), USER quick connect, errors, in use, delete", users)

    # ---- agent statuses -------------------------------------------------------------
    def agent_statuses():
        l = c.list_agent_statuses(InstanceId=iid, AgentStatusTypes=["ROUTABLE"])["AgentStatusSummaryList"]
        check([x["Name"] for x in l] == ["Available"])
        d = c.describe_agent_status(InstanceId=iid, AgentStatusId=l[0]["Id"])["AgentStatus"]
        check(d["Type"] == "ROUTABLE" and d["State"] == "ENABLED" and "/agent-state/" in d["AgentStatusARN"])
        r = c.create_agent_status(InstanceId=iid, Name="Lunch", State="ENABLED", Description="food", Tags={"stack": "conf"})
        c.update_agent_status(InstanceId=iid, AgentStatusId=r["AgentStatusId"], State="DISABLED", DisplayOrder=5)
        d = c.describe_agent_status(InstanceId=iid, AgentStatusId=r["AgentStatusId"])["AgentStatus"]
        check(d["State"] == "DISABLED" and d["Type"] == "CUSTOM" and d["DisplayOrder"] == 5)
        s = c.search_agent_statuses(InstanceId=iid, SearchCriteria={"StringCondition": {"FieldName": "type", "Value": "OFFLINE", "ComparisonType": "EXACT"}})
        check([x["Name"] for x in s["AgentStatuses"]] == ["Offline"])
        s = c.search_agent_statuses(InstanceId=iid, SearchFilter={"AttributeFilter": {"OrConditions": [{"TagConditions": [{"TagKey": "stack", "TagValue": "conf"}]}]}})
        check([x["Name"] for x in s["AgentStatuses"]] == ["Lunch"])
        expect_error("DuplicateResourceException", c.create_agent_status, InstanceId=iid, Name="Available", State="ENABLED")
    R.case("agent statuses: list by type, describe, create, update, search (criteria, attribute filter)", agent_statuses)

    # ---- hours of operation overrides -------------------------------------------------------
    def hours_overrides():
        nine_to_five = [{"Day": "SATURDAY", "StartTime": {"Hours": 9, "Minutes": 0}, "EndTime": {"Hours": 17, "Minutes": 0}}]
        h = c.create_hours_of_operation(InstanceId=iid, Name="Holiday Hours", TimeZone="UTC", Config=nine_to_five)
        hid, harn = h["HoursOfOperationId"], h["HoursOfOperationArn"]
        r = c.create_hours_of_operation_override(InstanceId=iid, HoursOfOperationId=hid, Name="Christmas", Description="closed",
                                                 Config=[], EffectiveFrom="2026-12-25", EffectiveTill="2026-12-26", OverrideType="CLOSED")
        oid = r["HoursOfOperationOverrideId"]
        d = c.describe_hours_of_operation_override(InstanceId=iid, HoursOfOperationId=hid, HoursOfOperationOverrideId=oid)["HoursOfOperationOverride"]
        check(d["Name"] == "Christmas" and d["Description"] == "closed" and d["Config"] == [] and d["OverrideType"] == "CLOSED", d)
        check(d["EffectiveFrom"] == "2026-12-25" and d["EffectiveTill"] == "2026-12-26" and d["HoursOfOperationId"] == hid
              and d["HoursOfOperationArn"] == harn and d["HoursOfOperationOverrideId"] == oid, d)
        c.update_hours_of_operation_override(InstanceId=iid, HoursOfOperationId=hid, HoursOfOperationOverrideId=oid,
                                             EffectiveTill="2026-12-27", Config=nine_to_five, OverrideType="OPEN")
        l = c.list_hours_of_operation_overrides(InstanceId=iid, HoursOfOperationId=hid)
        o = l["HoursOfOperationOverrideList"]
        check([x["Name"] for x in o] == ["Christmas"] and o[0]["EffectiveTill"] == "2026-12-27" and o[0]["OverrideType"] == "OPEN", o)
        check(o[0]["Config"][0]["StartTime"] == {"Hours": 9, "Minutes": 0} and o[0]["Description"] == "closed" and "LastModifiedTime" in l, l)
        for i in range(3):
            c.create_hours_of_operation_override(InstanceId=iid, HoursOfOperationId=hid, Name=f"Day {i}", Config=[],
                                                 EffectiveFrom=f"2027-01-0{i + 1}", EffectiveTill=f"2027-01-0{i + 1}")
        items, pages = all_pages(c.list_hours_of_operation_overrides, "HoursOfOperationOverrideList",
                                 InstanceId=iid, HoursOfOperationId=hid, MaxResults=2)
        check([x["Name"] for x in items] == ["Christmas", "Day 0", "Day 1", "Day 2"] and pages == 2, (items, pages))
        expect_error("InvalidParameterException", c.list_hours_of_operation_overrides, InstanceId=iid, HoursOfOperationId=hid, MaxResults=101)
        expect_error("DuplicateResourceException", c.create_hours_of_operation_override, InstanceId=iid, HoursOfOperationId=hid,
                     Name="Day 0", Config=[], EffectiveFrom="2027-02-01", EffectiveTill="2027-02-01", status=409)
        expect_error("InvalidParameterException", c.create_hours_of_operation_override, InstanceId=iid, HoursOfOperationId=hid,
                     Name="Slashes", Config=[], EffectiveFrom="2027/02/01", EffectiveTill="2027-02-01", status=400)
        expect_error("InvalidParameterException", c.create_hours_of_operation_override, InstanceId=iid, HoursOfOperationId=hid,
                     Name="Backwards", Config=[], EffectiveFrom="2027-02-02", EffectiveTill="2027-02-01")
        expect_error("InvalidParameterException", c.update_hours_of_operation_override, InstanceId=iid, HoursOfOperationId=hid,
                     HoursOfOperationOverrideId=oid, OverrideType="HOLIDAY")
        expect_error("ResourceNotFoundException", c.create_hours_of_operation_override, InstanceId=iid,
                     HoursOfOperationId="11111111-1111-4111-8111-111111111111", Name="X", Config=[],
                     EffectiveFrom="2027-02-01", EffectiveTill="2027-02-01", status=404)
        c.delete_hours_of_operation_override(InstanceId=iid, HoursOfOperationId=hid, HoursOfOperationOverrideId=oid)
        expect_error("ResourceNotFoundException", c.describe_hours_of_operation_override, InstanceId=iid, HoursOfOperationId=hid,
                     HoursOfOperationOverrideId=oid, status=404)
        for i in range(3, 50):
            c.create_hours_of_operation_override(InstanceId=iid, HoursOfOperationId=hid, Name=f"Day {i}", Config=[],
                                                 EffectiveFrom="2028-01-01", EffectiveTill="2028-01-01")
        expect_error("LimitExceededException", c.create_hours_of_operation_override, InstanceId=iid, HoursOfOperationId=hid,
                     Name="One too many", Config=[], EffectiveFrom="2028-01-01", EffectiveTill="2028-01-01", status=429)
        c.delete_hours_of_operation(InstanceId=iid, HoursOfOperationId=hid)
        expect_error("ResourceNotFoundException", c.list_hours_of_operation_overrides, InstanceId=iid, HoursOfOperationId=hid)
    R.case("hours overrides: create, describe, update, list (pages), duplicate, bad dates, bad type, 50 per hours, gone with the hours", hours_overrides)

    # ---- task templates -----------------------------------------------------------------------
    def task_templates():
        fields = [{"Id": {"Name": "Phone"}, "Type": "TEXT"},
                  {"Id": {"Name": "Reason"}, "Type": "SINGLE_SELECT", "SingleSelectOptions": ["Billing", "Other"]}]
        r = c.create_task_template(InstanceId=iid, Name="Callback", Description="call back", ContactFlowId=S["flow_cq"], Fields=fields,
                                   Constraints={"RequiredFields": [{"Id": {"Name": "Phone"}}]},
                                   Defaults={"DefaultFieldValues": [{"Id": {"Name": "Reason"}, "DefaultValue": "Other"}]},
                                   ClientToken="conformance-1")
        tid, arn = r["Id"], r["Arn"]
        check(arn == f"arn:aws:connect:{REGION}:123456789012:instance/{iid}/task-template/{tid}", arn)
        check(c.create_task_template(InstanceId=iid, Name="Callback", Fields=fields, ClientToken="conformance-1")["Id"] == tid)
        t = c.get_task_template(InstanceId=iid, TaskTemplateId=tid)
        check(t["Status"] == "ACTIVE" and t["ContactFlowId"] == S["flow_cq"] and t["Fields"][1]["SingleSelectOptions"] == ["Billing", "Other"], t)
        check(t["Constraints"]["RequiredFields"][0]["Id"]["Name"] == "Phone" and t["Defaults"]["DefaultFieldValues"][0]["DefaultValue"] == "Other")
        c.tag_resource(resourceArn=arn, tags={"stack": "conf"})
        check(c.get_task_template(InstanceId=iid, TaskTemplateId=tid)["Tags"] == {"stack": "conf"})
        u = c.update_task_template(InstanceId=iid, TaskTemplateId=tid, Status="INACTIVE", Fields=fields[:1])
        check(u["Status"] == "INACTIVE" and "ContactFlowId" not in u and "Tags" not in u, u)
        items, _ = all_pages(c.list_task_templates, "TaskTemplates", InstanceId=iid, Status="INACTIVE")
        check([i["Name"] for i in items] == ["Callback"] and isinstance(items[0]["LastModifiedTime"], __import__("datetime").datetime), items)
        e = expect_error("PropertyValidationException", c.create_task_template, InstanceId=iid, Name="Callback", Fields=[], status=400)
        check(e["PropertyList"][0]["Reason"] == "RESOURCE_NAME_ALREADY_EXISTS", e)
        e = expect_error("PropertyValidationException", c.create_task_template, InstanceId=iid, Name="Other",
                         Fields=[{"Id": {"Name": "A"}, "Type": "SINGLE_SELECT"}])
        check(e["PropertyList"][0]["PropertyPath"] == "Fields[0].SingleSelectOptions", e)
        expect_error("InvalidParameterException", c.list_task_templates, InstanceId=iid, MaxResults=101)
        c.delete_task_template(InstanceId=iid, TaskTemplateId=tid)
        expect_error("ResourceNotFoundException", c.get_task_template, InstanceId=iid, TaskTemplateId=tid, status=404)
    R.case("task templates: create (ClientToken), get, tags, full update, list by status, duplicate name, SINGLE_SELECT options, delete", task_templates)

    # ---- tags ----------------------------------------------------------------------------
    def tags():
        arn = S["q_support_arn"]
        c.tag_resource(resourceArn=arn, tags={"env": "test", "owner": "me"})
        t = c.list_tags_for_resource(resourceArn=arn)["tags"]
        check(t == {"stack": "conf", "env": "test", "owner": "me"}, t)
        c.untag_resource(resourceArn=arn, tagKeys=["owner", "stack"])
        check(c.list_tags_for_resource(resourceArn=arn)["tags"] == {"env": "test"})
        check(c.describe_queue(InstanceId=iid, QueueId=S["q_support"])["Queue"]["Tags"] == {"env": "test"})
        for a in [S["flow_arn"], S["user_arn"], S["qc_sales_arn"], S["module_arn"], S["prompt_arn"]]:
            c.tag_resource(resourceArn=a, tags={"k": "v"})
            check(c.list_tags_for_resource(resourceArn=a)["tags"].get("k") == "v", a)
        expect_error("InvalidParameterException", c.tag_resource, resourceArn=arn, tags={f"k{i}": "v" for i in range(51)})
        expect_error("ResourceNotFoundException", c.list_tags_for_resource,
                     resourceArn=arn.replace(S["q_support"], "55555555-5555-4555-8555-555555555555"), status=404)
        s = c.search_queues(InstanceId=iid, SearchFilter={"TagFilter": {"TagCondition": {"TagKey": "env", "TagValue": "test"}}})
        check([q["Name"] for q in s["Queues"]] == ["Support Tier"])
    R.case("tags: TagResource, UntagResource, ListTagsForResource on 6 kinds, 51 tags, unknown ARN", tags)

    # ---- pagination -----------------------------------------------------------------------
    def pagination():
        for i in range(7):
            c.create_queue(InstanceId=iid, Name=f"Page {i}", HoursOfOperationId=S["hours"], Tags={"page": "yes"})
        items, pages = all_pages(c.list_queues, "QueueSummaryList", InstanceId=iid, QueueTypes=["STANDARD"], MaxResults=2)
        names = [q["Name"] for q in items]
        check(len(names) == 10 and len(set(names)) == 10 and pages == 5, (names, pages))
        items, pages = all_pages(c.search_queues, "Queues", InstanceId=iid, MaxResults=3,
                                 SearchFilter={"TagFilter": {"TagCondition": {"TagKey": "page", "TagValue": "yes"}}})
        check([q["Name"] for q in items] == [f"Page {i}" for i in range(7)] and pages == 3, ([q["Name"] for q in items], pages))
        # botocore paginators drive NextToken the same way
        p = c.get_paginator("list_users").paginate(InstanceId=iid, PaginationConfig={"PageSize": 1})
        check([u["Username"] for page in p for u in page["UserSummaryList"]] == ["admin", "jdoe"])
        p = c.get_paginator("search_users").paginate(InstanceId=iid, PaginationConfig={"PageSize": 1})
        check(sum(len(page["Users"]) for page in p) == 2)
        expect_error("InvalidParameterException", c.list_queues, InstanceId=iid, MaxResults=1001)
        expect_error("InvalidParameterException", c.list_routing_profile_queues, InstanceId=iid, RoutingProfileId=S["rp"], MaxResults=101)
        expect_error("InvalidParameterException", c.search_queues, InstanceId=iid, MaxResults=501)
        check(len(c.search_users(InstanceId=iid, MaxResults=500)["Users"]) == 2)
        expect_error("InvalidParameterException", c.search_hours_of_operations, InstanceId=iid, MaxResults=101)
        expect_error("InvalidParameterException", c.list_queues, InstanceId=iid, NextToken="bm90LWEtdG9rZW4=")
        first = c.list_users(InstanceId=iid, MaxResults=1)
        expect_error("InvalidParameterException", c.list_queues, InstanceId=iid, NextToken=first["NextToken"])
    R.case("pagination: ListQueues/SearchQueues across pages, paginators, MaxResults bounds, foreign/invalid tokens", pagination)

    def quotas():
        # default quota: 50 queues per instance (AGENT queues not counted)
        made = []
        try:
            for i in range(60):
                made.append(c.create_queue(InstanceId=iid, Name=f"Quota {i:02d}", HoursOfOperationId=S["hours"])["QueueId"])
        except ClientError as e:
            check(e.response["Error"]["Code"] == "LimitExceededException", e.response["Error"])
            check(e.response["ResponseMetadata"]["HTTPStatusCode"] == 429)
            std = c.list_queues(InstanceId=iid, QueueTypes=["STANDARD"], MaxResults=1000)["QueueSummaryList"]
            check(len(std) == 50, len(std))
        else:
            raise AssertionError("no LimitExceededException after 60 queues")
        finally:
            for q in made:
                c.delete_queue(InstanceId=iid, QueueId=q)
    R.case("quotas: 51st queue gets LimitExceededException (429)", quotas)

    # ---- raw HTTP: unknown route, missing auth, request id ------------------------------
    def raw_request(method, path, body=b"", sign=True, secret="test", key="test", token=None):
        url = args.endpoint + path
        req = AWSRequest(method=method, url=url, data=body, headers={"Content-Type": "application/json"} if body else {})
        if sign:
            SigV4Auth(Credentials(key, secret, token), "connect", REGION).add_auth(req)
        prepared = req.prepare()
        r = urllib.request.Request(prepared.url, data=body or None, method=method, headers=dict(prepared.headers))
        try:
            with urllib.request.urlopen(r) as resp:
                return resp.status, dict(resp.headers), resp.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def raw_errors():
        status, headers, body = raw_request("GET", "/no-such-route/x")
        check(status == 404 and headers.get("x-amzn-ErrorType") == "UnknownOperationException", (status, headers))
        check("message" in json.loads(body) and headers.get("x-amzn-RequestId"))
        status, headers, body = raw_request("GET", f"/queues-summary/{iid}", sign=False)
        check(status == 403 and headers.get("x-amzn-ErrorType") == "MissingAuthenticationTokenException", (status, headers))
        check(json.loads(body)["message"] == "Missing Authentication Token")
        status, headers, body = raw_request("GET", f"/queues-summary/{iid}", token="any-session-token")
        check(status == 200 and json.loads(body)["QueueSummaryList"], "a signed session token is accepted")
        status, headers, body = raw_request("PUT", f"/queues/{iid}", body=b"{not json")
        check(status == 400, status)
    R.case("raw HTTP: unknown route 404, missing Authorization 403, session token, malformed body", raw_errors)

    # ---- signatures -------------------------------------------------------------------
    def signatures():
        ok = R.client(args.endpoint).list_queues(InstanceId=iid)
        check(ok["QueueSummaryList"])
        e = expect_error("InvalidSignatureException", R.client(args.endpoint, secret="wrong").list_queues, InstanceId=iid, status=403)
        check(e["Error"]["Message"].startswith("The request signature we calculated does not match the signature you provided."))
        e = expect_error("UnrecognizedClientException", R.client(args.endpoint, key="AKIDUNKNOWN").list_queues, InstanceId=iid, status=403)
        check(e["Error"]["Message"] == "The security token included in the request is invalid.")
        expect_error("InvalidSignatureException", R.client(args.endpoint, region="eu-west-1").list_queues, InstanceId=iid, status=403)
        # a body-carrying POST signed with the wrong secret
        expect_error("InvalidSignatureException", R.client(args.endpoint, secret="wrong").search_queues, InstanceId=iid)
    R.case("signatures: right secret accepted; wrong secret, unknown key, wrong region rejected (403)", signatures)

    def request_ids():
        check(not R.missing_request_ids, f"responses without x-amzn-RequestId: {sorted(set(R.missing_request_ids))}")
    R.case("every response carries x-amzn-RequestId", request_ids)

    # ---- AWS CLI -------------------------------------------------------------------------
    def aws_cli():
        env = dict(os.environ, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_DEFAULT_REGION=REGION,
                   AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null", AWS_PAGER="")
        out = subprocess.run(["aws", "connect", "list-queues", "--instance-id", iid, "--endpoint-url", args.endpoint,
                              "--queue-types", "STANDARD", "--output", "json"], env=env, capture_output=True, text=True, timeout=120)
        check(out.returncode == 0, out.stderr)
        data = json.loads(out.stdout)
        check("BasicQueue" in [q["Name"] for q in data["QueueSummaryList"]], data)
        out = subprocess.run(["aws", "connect", "list-queues", "--instance-id", iid, "--endpoint-url", args.endpoint, "--output", "json"],
                             env=env, capture_output=True, text=True, timeout=120)
        check(out.returncode == 0, out.stderr)
        check(any(q["QueueType"] == "AGENT" for q in json.loads(out.stdout)["QueueSummaryList"]))
        env["AWS_SECRET_ACCESS_KEY"] = "wrong"
        out = subprocess.run(["aws", "connect", "list-queues", "--instance-id", iid, "--endpoint-url", args.endpoint],
                             env=env, capture_output=True, text=True, timeout=120)
        check(out.returncode != 0 and "InvalidSignatureException" in out.stderr, out.stderr)
    R.case("aws cli: connect list-queues (--queue-types, default), wrong secret rejected", aws_cli)

    # ---- throttling (second emulator, --throttle 2:5) --------------------------------------
    def throttling():
        t = R.client(args.throttle_endpoint)
        tid = args.throttle_instance_id
        results = []
        for _ in range(20):
            try:
                t.list_queues(InstanceId=tid)
                results.append("ok")
            except ClientError as e:
                results.append(e.response["Error"]["Code"])
                check(e.response["ResponseMetadata"]["HTTPStatusCode"] == 429)
        check(results[:5] == ["ok"] * 5, results)
        throttled = results[5:].count("ThrottlingException")
        check(results[5] == "ThrottlingException" and throttled >= 13, results)  # at 2/s a slow machine may refill a token or two
        for _ in range(5):
            t.list_users(InstanceId=tid)  # another operation has its own bucket
        e = expect_error("ThrottlingException", t.list_queues, InstanceId=tid, status=429)
        check(e["Error"]["Message"] == "Rate exceeded")
    R.case("throttle 2:5: burst of 20 ListQueues -> first 5 ok then 429; ListUsers unaffected", throttling)

    # ---- fault injection (third emulator, --fault-rate 0.5 --seed 11) --------------------
    def faults():
        f = R.client(args.fault_endpoint)
        seen = {}
        for _ in range(40):
            try:
                f.list_queues(InstanceId=args.fault_instance_id)
                kind = "ok"
            except ClientError as e:
                kind = f"{e.response['ResponseMetadata']['HTTPStatusCode']} {e.response['Error']['Code']}"
            except botocore.exceptions.ConnectionClosedError:
                kind = "dropped"
            seen[kind] = seen.get(kind, 0) + 1
        check(set(seen) == {"ok", "500 InternalServiceException", "429 ThrottlingException", "dropped"}, seen)
    R.case("fault rate 0.5: botocore sees successes, 500 InternalServiceException, 429 ThrottlingException, dropped connections", faults)

    # ---- persistence on disk + request log -------------------------------------------------
    def state_file():
        with open(args.state_file) as f:
            data = json.load(f)
        check(data["format"] == "patchbay-connect-emulator-state" and data["version"] == 1)
        check("Support Tier" in json.dumps(data))
        check(not [n for n in os.listdir(os.path.dirname(args.state_file)) if ".tmp-" in n], "temp files left behind")
    R.case("state file: written after changes, with format marker, no temp files", state_file)

    def request_log():
        with open(args.request_log) as f:
            lines = [json.loads(l) for l in f if l.strip()]
        check(len(lines) > 100, len(lines))
        check(all({"time", "operation", "method", "path", "status", "latencyMs"} <= set(l) for l in lines))
        check(any(l["operation"] == "CreateQueue" and l["status"] == 200 for l in lines))
        raw = json.dumps(lines)
        check("AWS4-HMAC-SHA256" not in raw and "Signature=" not in raw and "HoursOfOperationId" not in raw, "log must hold no auth header or bodies")
    R.case("request log: JSON lines with operation/status/latency, no Authorization or bodies", request_log)

    # ---- fidelity (issue 13): each case cites the model / API reference sentence ----------
    def acw_units():
        # UserPhoneConfig: "When returned by a SearchUsers call, AfterContactWorkTimeLimit is
        # returned in milliseconds." DescribeUser returns seconds.
        r = c.create_user(InstanceId=iid, Username="acw.user", SecurityProfileIds=[S["sp_agent"]], RoutingProfileId=S["rp"],
                          PhoneConfig={"PhoneType": "SOFT_PHONE", "AfterContactWorkTimeLimit": 20})
        try:
            d = c.describe_user(InstanceId=iid, UserId=r["UserId"])["User"]
            check(d["PhoneConfig"]["AfterContactWorkTimeLimit"] == 20, d["PhoneConfig"])
            s = c.search_users(InstanceId=iid, SearchCriteria={"StringCondition": {"FieldName": "Username", "Value": "acw.user", "ComparisonType": "EXACT"}})
            check(s["Users"][0]["PhoneConfig"]["AfterContactWorkTimeLimit"] == 20000, s["Users"][0]["PhoneConfig"])
        finally:
            c.delete_user(InstanceId=iid, UserId=r["UserId"])
    R.case("SearchUsers returns AfterContactWorkTimeLimit in milliseconds, DescribeUser in seconds", acw_units)

    def flow_lifecycle():
        # DescribeContactFlow / UpdateContactFlowContent: "Use the $SAVED alias in the request to
        # describe the SAVED content of a Flow." ContactFlowNotPublishedException: "The flow has not
        # been published." CreateContactFlow Status: "SAVED does not initiate validation of the content."
        missing = S["q_support_arn"].replace(S["q_support"], "44444444-4444-4444-8444-444444444444")
        r = c.create_contact_flow(InstanceId=iid, Name="Lifecycle", Type="CONTACT_FLOW", Status="SAVED", Content=flow_content({"Text": "v1"}))
        fid = r["ContactFlowId"]
        try:
            expect_error("ContactFlowNotPublishedException", c.describe_contact_flow, InstanceId=iid, ContactFlowId=fid, status=404)
            c.update_contact_flow_content(InstanceId=iid, ContactFlowId=fid + ":$SAVED", Content=flow_content({"QueueId": missing}))
            d = c.describe_contact_flow(InstanceId=iid, ContactFlowId=fid + ":$SAVED")["ContactFlow"]
            check(d["Status"] == "SAVED" and missing in d["Content"], d)
            expect_error("InvalidContactFlowException", c.update_contact_flow_content, InstanceId=iid, ContactFlowId=fid,
                         Content=flow_content({"QueueId": missing}))
            c.update_contact_flow_content(InstanceId=iid, ContactFlowId=fid, Content=flow_content({"Text": "v2"}))
            c.update_contact_flow_content(InstanceId=iid, ContactFlowId=fid + ":$SAVED", Content=flow_content({"Text": "v3"}))
            d = c.describe_contact_flow(InstanceId=iid, ContactFlowId=fid)["ContactFlow"]
            check(d["Status"] == "PUBLISHED" and "v2" in d["Content"], d)
            d = c.describe_contact_flow(InstanceId=iid, ContactFlowId=fid + ":$SAVED")["ContactFlow"]
            check(d["Status"] == "SAVED" and "v3" in d["Content"], d)
        finally:
            c.delete_contact_flow(InstanceId=iid, ContactFlowId=fid)
    R.case("flows: SAVED and PUBLISHED content, UpdateContactFlowContent on :$SAVED, ContactFlowNotPublishedException", flow_lifecycle)

    def error_message_member():
        # Every modelled error shape has the member "Message" (e.g. ResourceNotFoundException).
        status, headers, body = raw_request("GET", f"/queues/{iid}/55555555-5555-4555-8555-555555555555")
        doc = json.loads(body)
        check(status == 404 and headers.get("x-amzn-ErrorType") == "ResourceNotFoundException" and "Message" in doc, (status, doc))
    R.case("error bodies name the message member Message, as the model's error shapes do", error_message_member)

    def unlisted_errors():
        # UpdatePrompt's model errors do not include DuplicateResourceException.
        ids = [c.create_prompt(InstanceId=iid, Name=n, S3Uri="s3://bucket/p.wav")["PromptId"] for n in ("Dup A", "Dup B")]
        try:
            e = expect_error("InvalidParameterException", c.update_prompt, InstanceId=iid, PromptId=ids[1], Name="Dup A", status=400)
            listed = c.meta.service_model.operation_model("UpdatePrompt").error_shapes
            check(e["Error"]["Code"] in [x.name for x in listed])
        finally:
            for p in ids:
                c.delete_prompt(InstanceId=iid, PromptId=p)
    R.case("errors: an operation returns only error codes its model lists (UpdatePrompt duplicate name)", unlisted_errors)

    def stable_tokens():
        ids = [c.create_quick_connect(InstanceId=iid, Name=f"Stable {i}", QuickConnectConfig={
            "QuickConnectType": "PHONE_NUMBER", "PhoneConfig": {"PhoneNumber": "+15550100"}})["QuickConnectId"] for i in range(5)]
        crit = {"StringCondition": {"FieldName": "name", "Value": "Stable", "ComparisonType": "STARTS_WITH"}}
        try:
            first = c.search_quick_connects(InstanceId=iid, SearchCriteria=crit, MaxResults=2)
            check([q["Name"] for q in first["QuickConnects"]] == ["Stable 0", "Stable 1"])
            c.delete_quick_connect(InstanceId=iid, QuickConnectId=ids[0])
            second = c.search_quick_connects(InstanceId=iid, SearchCriteria=crit, MaxResults=2, NextToken=first["NextToken"])
            check([q["Name"] for q in second["QuickConnects"]] == ["Stable 2", "Stable 3"], second["QuickConnects"])
        finally:
            for q in ids[1:]:
                c.delete_quick_connect(InstanceId=iid, QuickConnectId=q)
    R.case("pagination: NextToken survives deleting an item of an earlier page (nothing skipped)", stable_tokens)

    def hierarchy_names():
        # DuplicateResourceException on CreateUserHierarchyGroup: "A resource with the specified
        # name already exists." - not scoped to a parent: names are unique in the instance.
        emea = c.create_user_hierarchy_group(InstanceId=iid, Name="EMEA")["HierarchyGroupId"]
        a = c.create_user_hierarchy_group(InstanceId=iid, Name="Team X", ParentGroupId=S["hg_parent"])["HierarchyGroupId"]
        try:
            expect_error("DuplicateResourceException", c.create_user_hierarchy_group, InstanceId=iid, Name="Team X", ParentGroupId=emea, status=409)
        finally:
            c.delete_user_hierarchy_group(InstanceId=iid, HierarchyGroupId=a)
            c.delete_user_hierarchy_group(InstanceId=iid, HierarchyGroupId=emea)
    R.case("hierarchy: the same group name under two parents is DuplicateResourceException", hierarchy_names)

    return S


def phase2(args, R, S):
    c = R.client(args.endpoint)
    iid = args.instance_id

    def persisted():
        q = c.describe_queue(InstanceId=iid, QueueId=S["q_support"])["Queue"]
        check(q["Name"] == "Support Tier" and q["Tags"] == {"env": "test"}, q)
        u = c.describe_user(InstanceId=iid, UserId=S["user"])["User"]
        check(u["Username"] == "jdoe" and u["RoutingProfileId"] == S["rp"])
        rpq = c.list_routing_profile_queues(InstanceId=iid, RoutingProfileId=S["rp"])["RoutingProfileQueueConfigSummaryList"]
        check(len(rpq) == 3)
        hs = c.describe_user_hierarchy_structure(InstanceId=iid)["HierarchyStructure"]
        check(hs["LevelTwo"]["Name"] == "Site")
        check(c.describe_contact_flow(InstanceId=iid, ContactFlowId=S["flow"])["ContactFlow"]["Name"] == "Main IVR")
        check(len(c.list_queues(InstanceId=iid, QueueTypes=["STANDARD"])["QueueSummaryList"]) == 10)
        check(c.describe_phone_number(PhoneNumberId=S["phone_number"])["ClaimedPhoneNumberSummary"]["PhoneNumberDescription"] == "Support line")
    R.case("persistence: restart on the same --state keeps queues, users, routing, hierarchy, flows, phone numbers", persisted)

    def write_then_restart_ids():
        r = c.create_queue(InstanceId=iid, Name="After restart", HoursOfOperationId=S["hours"])
        check(r["QueueId"] not in S.values())
    R.case("persistence: the restarted instance keeps serving writes", write_then_restart_ids)

    def refuse(content, expect):
        path = os.path.join(args.work, "bad-state.json")
        with open(path, "w") as f:
            f.write(content)
        p = subprocess.run([args.binary, "emulator", "--port", "0", "--state", path], capture_output=True, text=True, timeout=60)
        check(p.returncode != 0, f"emulator accepted a bad state file: {p.stdout}")
        check(expect in p.stderr, p.stderr)
        with open(path) as f:
            check(f.read() == content, "a refused state file must be left untouched")

    R.case("persistence: corrupt state file refused", lambda: refuse("{ this is not json", "not valid JSON"))
    R.case("persistence: foreign state file refused", lambda: refuse(json.dumps({"format": "terraform", "version": 4}), "not a Patchbay emulator state file"))
    R.case("persistence: unknown version refused", lambda: refuse(json.dumps({"format": "patchbay-connect-emulator-state", "version": 99}), "unsupported version"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("phase", choices=["phase1", "phase2"])
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--instance-id", required=True)
    ap.add_argument("--throttle-endpoint")
    ap.add_argument("--throttle-instance-id")
    ap.add_argument("--fault-endpoint")
    ap.add_argument("--fault-instance-id")
    ap.add_argument("--state-file")
    ap.add_argument("--request-log")
    ap.add_argument("--results", required=True)
    ap.add_argument("--binary")
    ap.add_argument("--work")
    args = ap.parse_args()
    R = Runner()
    if args.phase == "phase1":
        S = phase1(args, R)
        with open(args.results, "w") as f:
            json.dump({"cases": R.cases, "passed": R.passed, "failures": R.failures,
                       "operations": sorted(R.operations), "ids": S}, f)
        print(f"conformance phase 1: {len(R.operations)} operations, {R.cases} cases, {R.passed} passed, {len(R.failures)} failed")
        return 1 if R.failures else 0
    with open(args.results) as f:
        prev = json.load(f)
    phase2(args, R, prev["ids"])
    ops = set(prev["operations"]) | R.operations
    cases = prev["cases"] + R.cases
    passed = prev["passed"] + R.passed
    failures = prev["failures"] + R.failures
    for fl in failures:
        print(f"  failed: {fl}")
    print(f"conformance: {len(ops)} operations, {cases} cases, {passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
