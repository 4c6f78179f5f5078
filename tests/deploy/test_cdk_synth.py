"""The AWS CDK app (deploy/) synthesises in-process, offline, without AWS credentials, and the CloudFormation it makes
has what docs/deploy.md promises. Nothing is deployed: Template.from_stack only synthesises into a temporary folder.

aws-cdk-lib is large and kept out of requirements.txt: it comes from deploy/requirements.txt (installed by .ci/run).
Without it these tests skip, except under CI=true where its absence is a failure. The jsii runtime needs `node`.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import _guarded_connect

if importlib.util.find_spec("aws_cdk") is None or shutil.which("node") is None:
    _why = ("aws-cdk-lib is not installed (pip install --no-deps -r deploy/requirements.txt)"
            if importlib.util.find_spec("aws_cdk") is None else "node (the jsii runtime aws-cdk-lib runs on) is not on PATH")
    if os.environ.get("CI") == "true":
        pytest.fail(f"CDK synth test cannot run under CI: {_why}", pytrace=False)
    pytest.skip(_why, allow_module_level=True)

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "1")
os.environ.setdefault("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1")

from aws_cdk.assertions import Template  # noqa: E402

from deploy.stack import CONTEXT, ConfigError, build_app  # noqa: E402

AWS_ENV = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_REGION",
           "CDK_DEFAULT_ACCOUNT", "CDK_DEFAULT_REGION")


def _synth(context: dict[str, Any], outdir: Path | None = None) -> dict[str, Any]:
    """The stack's template, synthesised with no AWS credentials and sockets limited to loopback."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", _guarded_connect)
        for key in AWS_ENV:
            patch.delenv(key, raising=False)
        app, stack = build_app(context, outdir=str(outdir) if outdir else None)
        if outdir is None:
            return Template.from_stack(stack).to_json()
        template = app.synth().get_stack_by_name(stack.stack_name).template
        Template.from_json(template)  # the same validation Template.from_stack does
        return template


@pytest.fixture(scope="module")
def assembly_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cdk.out")


@pytest.fixture(scope="module")
def default_template(assembly_dir: Path) -> dict[str, Any]:
    return _synth({}, outdir=assembly_dir)


@pytest.fixture(scope="module")
def custom_template() -> dict[str, Any]:
    return _synth({"replicas": "3", "max_replicas": "9", "min_acu": "1", "max_acu": "8",
                   "bedrock_model_id": "us.anthropic.claude-3-5-haiku-20241022-v1:0", "account": "123456789012",
                   "region": "eu-west-1", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/frontline:1.0",
                   "certificate_arn": "arn:aws:acm:eu-west-1:123456789012:certificate/abc",
                   "domain_name": "assist.example.com", "hosted_zone_id": "Z0123456789", "hosted_zone_name": "example.com",
                   "aws_apis": "bedrock,comprehend", "privacy_retention_days": "365"})


def resources(template: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [r.get("Properties", {}) for r in template["Resources"].values() if r["Type"] == kind]


def one(template: dict[str, Any], kind: str) -> dict[str, Any]:
    found = resources(template, kind)
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]


def attributes(props: dict[str, Any], key: str) -> dict[str, str]:
    return {a["Key"]: a["Value"] for a in props.get(key, [])}


def task(template: dict[str, Any], name: str = "frontline") -> dict[str, Any]:
    """The task definition holding the container ``name`` (the service's "frontline", "api" and "poller"; the migrate
    task's "migrate")."""
    (found,) = [t for t in resources(template, "AWS::ECS::TaskDefinition")
                if name in [c["Name"] for c in t["ContainerDefinitions"]]]
    return found


def container(template: dict[str, Any], name: str = "frontline") -> dict[str, Any]:
    (definition,) = [c for c in task(template, name)["ContainerDefinitions"] if c["Name"] == name]
    return definition


def test_alb_sticky_sessions_long_idle_timeout_and_streamlit_health_check(default_template: dict[str, Any]) -> None:
    (group,) = [g for g in resources(default_template, "AWS::ElasticLoadBalancingV2::TargetGroup")
                if g["Port"] != 8502]  # Streamlit's (the API's: the channels test)
    attrs = attributes(group, "TargetGroupAttributes")
    assert attrs["stickiness.enabled"] == "true"
    assert attrs["stickiness.type"] == "lb_cookie"
    assert int(attrs["stickiness.lb_cookie.duration_seconds"]) >= 3600
    assert group["HealthCheckPath"] == "/_stcore/health"
    lb = one(default_template, "AWS::ElasticLoadBalancingV2::LoadBalancer")
    assert lb["Type"] == "application" and lb["Scheme"] == "internet-facing"
    # websockets: the default 60 s would cut an idle Streamlit session
    assert int(attributes(lb, "LoadBalancerAttributes")["idle_timeout.timeout_seconds"]) >= 600
    assert container(default_template)["HealthCheck"]["Command"][-1].count("/_stcore/health") == 1


def test_at_least_two_fargate_tasks_in_private_subnets(default_template: dict[str, Any]) -> None:
    service = one(default_template, "AWS::ECS::Service")
    assert service["LaunchType"] == "FARGATE"
    assert service["DesiredCount"] >= 2
    assert service["DeploymentConfiguration"]["MinimumHealthyPercent"] >= 100  # rolling deploys keep both serving
    assert service["NetworkConfiguration"]["AwsvpcConfiguration"]["AssignPublicIp"] == "DISABLED"
    assert service["LoadBalancers"][0]["ContainerPort"] == 8501
    assert one(default_template, "AWS::ApplicationAutoScaling::ScalableTarget")["MinCapacity"] >= 2
    served = task(default_template)
    assert (served["Cpu"], served["Memory"]) == ("1024", "2048")


def test_aurora_postgresql_serverless_v2_private_and_encrypted(default_template: dict[str, Any]) -> None:
    cluster = one(default_template, "AWS::RDS::DBCluster")
    assert cluster["Engine"] == "aurora-postgresql"
    assert cluster["ServerlessV2ScalingConfiguration"] == {"MinCapacity": 0.5, "MaxCapacity": 2}
    assert cluster["StorageEncrypted"] is True
    instance = one(default_template, "AWS::RDS::DBInstance")
    assert instance["DBInstanceClass"] == "db.serverless"
    assert instance["PubliclyAccessible"] is False
    # only the tasks' security group and the migrate task's may reach the database
    ingress = [r for r in resources(default_template, "AWS::EC2::SecurityGroupIngress")
               if "Database" in json.dumps(r.get("GroupId"))]
    assert sorted(json.dumps(r["SourceSecurityGroupId"]).split('"')[3][:20] for r in ingress) == [
        "AppServiceSecurityGr", "MigrateSecurityGroup"]


def test_database_password_only_through_secrets_manager(default_template: dict[str, Any]) -> None:
    assert sorted(s["Name"] for s in resources(default_template, "AWS::SecretsManager::Secret")) == [
        "frontline/data-keys", "frontline/database", "frontline/database-app"]
    cluster = one(default_template, "AWS::RDS::DBCluster")
    assert "{{resolve:secretsmanager:" in json.dumps(cluster["MasterUserPassword"])
    definition = container(default_template)
    secrets = {s["Name"]: json.dumps(s["ValueFrom"]) for s in definition["Secrets"]}
    # the app logs in as its own role: its secret only, never the master user's (which owns the tables)
    assert set(secrets) == {"DB_USER", "DB_PASSWORD"}
    assert all("DatabaseAppLogin" in ref and "DatabaseSecret" not in ref for ref in secrets.values())
    assert secrets["DB_PASSWORD"].endswith(':password::"]]}')
    plain = {e["Name"]: e["Value"] for e in definition["Environment"]}
    assert not {"DB_PASSWORD", "FRONTLINE_DATABASE_URL"} & set(plain)
    assert "Endpoint.Address" in json.dumps(plain["DB_HOST"]) and "Endpoint.Port" in json.dumps(plain["DB_PORT"])
    assert plain["FRONTLINE_BACKEND"] == "aws"
    assert "AppLB" in json.dumps(plain["PUBLIC_HOST"]) and plain["PUBLIC_PORT"] == "80"  # the ALB's DNS name
    # execution roles (not the app's task role) read the secrets: the service's only the app login's, the migrate
    # task's the master secret too
    readers = {json.dumps(p["Roles"]): json.dumps(p["PolicyDocument"]) for p in resources(
        default_template, "AWS::IAM::Policy") if "secretsmanager:GetSecretValue" in json.dumps(p["PolicyDocument"])
        and "ExecutionRole" in json.dumps(p["Roles"])}
    service_reads = [doc for roles, doc in readers.items() if "AppTaskDefExecutionRole" in roles]
    migrate_reads = [doc for roles, doc in readers.items() if "MigrateTaskExecutionRole" in roles]
    assert len(service_reads) == len(migrate_reads) == 1
    assert "DatabaseAppLogin" in service_reads[0] and "DatabaseSecret" not in service_reads[0]
    assert "DatabaseSecretAttachment" in migrate_reads[0] and "DatabaseAppLogin" in migrate_reads[0]


def test_every_task_reads_one_generated_data_key_secret_that_outlives_the_stack(
        default_template: dict[str, Any]) -> None:
    """Field encryption at rest: each task making a key file of its own would be refused by the others (and lose its
    key with its container); the stack has Secrets Manager generate one passphrase every task derives its keys from."""
    (name, data_keys), = [(n, r) for n, r in default_template["Resources"].items()
                          if r["Type"] == "AWS::SecretsManager::Secret"
                          and r["Properties"]["Name"] == "frontline/data-keys"]
    generated = data_keys["Properties"]["GenerateSecretString"]
    assert json.loads(generated["SecretStringTemplate"]) == {"current": "k1"}
    assert (generated["GenerateStringKey"], generated["PasswordLength"], generated["ExcludePunctuation"]) == (
        "passphrase", 64, True)
    assert "SecretString" not in data_keys["Properties"]  # no key material in the template
    assert data_keys["DeletionPolicy"] == data_keys["UpdateReplacePolicy"] == "Retain"
    plain = {e["Name"]: e["Value"] for e in container(default_template)["Environment"]}
    assert plain["FRONTLINE_PROVIDER_KEYS"] == "secretsmanager"
    assert plain["FRONTLINE_DATA_KEYS_SECRET_ID"] == {"Ref": name}
    assert plain["FRONTLINE_SCHEMA_WAIT_S"] == "300"  # the migrate task may finish after the new tasks start


def _task_role_statements(template: dict[str, Any]) -> list[dict[str, Any]]:
    policies = [p for p in resources(template, "AWS::IAM::Policy")
                if any("TaskRole" in json.dumps(role) for role in p["Roles"])]
    assert len(policies) == 1
    return policies[0]["PolicyDocument"]["Statement"]


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def test_task_role_least_privilege(default_template: dict[str, Any]) -> None:
    statements = _task_role_statements(default_template)
    actions = [a for s in statements for a in _as_list(s["Action"])]
    assert all(s["Effect"] == "Allow" for s in statements)
    assert not [a for a in actions if a == "*" or a.endswith(":*")], "a service-wide or '*' action"
    for statement in statements:
        if _as_list(statement["Resource"]) == ["*"]:
            assert all("*" not in a for a in _as_list(statement["Action"])), statement
    assert {a.split(":")[0] for a in actions} == {"bedrock", "comprehend", "translate", "polly", "transcribe", "s3",
                                                  "secretsmanager"}
    assert not [a for a in actions if a.startswith(("iam", "rds"))]
    # the one secret the app itself reads: its data keys (the database password reaches it through the execution role)
    (keys,) = [s for s in statements if any(a.startswith("secretsmanager") for a in _as_list(s["Action"]))]
    assert keys["Action"] == "secretsmanager:GetSecretValue" and "DataKeys" in json.dumps(keys["Resource"])
    assert "DatabaseSecret" not in json.dumps(keys["Resource"])
    bedrock = next(s for s in statements if s["Sid"] == "BedrockConfiguredModels")
    assert bedrock["Action"] == "bedrock:InvokeModel"  # Converse is authorised by InvokeModel
    assert bedrock["Resource"] == [
        "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
        "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"]
    log_group = one(default_template, "AWS::Logs::LogGroup")
    assert log_group["RetentionInDays"] == 30
    assert container(default_template)["LogConfiguration"]["LogDriver"] == "awslogs"


def test_context_parameters_reach_the_template(custom_template: dict[str, Any]) -> None:
    assert one(custom_template, "AWS::ECS::Service")["DesiredCount"] == 3
    assert one(custom_template, "AWS::ApplicationAutoScaling::ScalableTarget")["MaxCapacity"] == 9
    assert one(custom_template, "AWS::RDS::DBCluster")["ServerlessV2ScalingConfiguration"] == {
        "MinCapacity": 1, "MaxCapacity": 8}
    definition = container(custom_template)
    assert definition["Image"] == "123456789012.dkr.ecr.eu-west-1.amazonaws.com/frontline:1.0"
    env = {e["Name"]: e["Value"] for e in definition["Environment"]}
    assert env["FRONTLINE_AWS_REGION"] == "eu-west-1"
    assert (env["PUBLIC_HOST"], env["PUBLIC_PORT"]) == ("assist.example.com", "443")
    assert env["FRONTLINE_BEDROCK_MODEL_ID"] == "us.anthropic.claude-3-5-haiku-20241022-v1:0"
    statements = _task_role_statements(custom_template)
    assert {s["Sid"] for s in statements} == {"BedrockConfiguredModels", "ComprehendDetect", "DataKeysSecret"}  # aws_apis trims the role
    bedrock = next(s for s in statements if s["Sid"] == "BedrockConfiguredModels")
    assert "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0" \
        in bedrock["Resource"]
    assert "arn:aws:bedrock:*::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0" in bedrock["Resource"]
    listeners = {(listener["Port"], listener["Protocol"])
                 for listener in resources(custom_template, "AWS::ElasticLoadBalancingV2::Listener")}
    assert listeners == {(443, "HTTPS"), (80, "HTTP")}  # 80 only redirects
    record = one(custom_template, "AWS::Route53::RecordSet")
    assert record["Name"] == "assist.example.com." and record["Type"] == "A"


@pytest.mark.parametrize("context, message", [
    ({"replicas": "1"}, "replicas must be at least 2"),
    ({"min_acu": "4", "max_acu": "2"}, "min_acu <= max_acu"),
    ({"min_acu": "0.7"}, "steps of 0.5"),
    ({"idle_timeout_s": "9000"}, "1-4000"),
    ({"replicas": "two"}, "replicas='two' is not an integer"),
    ({"domain_name": "assist.example.com"}, "needs certificate_arn"),
    ({"aws_apis": "bedrock,s3"}, "aws_apis: unknown s3"),
    ({"privacy_retention_days": "-1"}, "privacy_retention_days must be 0 .off. to 36500"),
])
def test_bad_context_is_a_clear_error_at_synth(context: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        build_app(context)


def test_image_asset_holds_the_app_and_not_the_venv_tests_or_model_caches(default_template: dict[str, Any],
                                                                           assembly_dir: Path) -> None:
    image = container(default_template)["Image"]["Fn::Sub"]
    assert container(default_template, "migrate")["Image"]["Fn::Sub"] == image  # the migrate task: the same image
    (asset,) = [p for p in assembly_dir.glob("asset.*") if (p / "Dockerfile").is_file()]  # (the other: a Lambda's)
    assert image.endswith(":" + asset.name.removeprefix("asset."))  # the task runs the image built from this folder
    present = {p.relative_to(asset).as_posix() for p in asset.rglob("*")}
    assert {"Dockerfile", "requirements.txt", "app.py", "deploy/entrypoint.py", "services/bootstrap.py",
            "config/frontline.yaml", ".streamlit/config.toml"} <= present
    assert not [p for p in present if p.split("/")[0] in (".venv", ".git", "tests", "bench")
                or p.startswith(("data/models", "deploy/stack.py")) or p.endswith((".db", ".pyc"))]


def test_cdk_json_defaults_are_the_ones_the_tests_synthesise() -> None:
    """`cdk synth` reads deploy/cdk.json, the in-process tests do not: the two must describe the same deployment."""
    context = json.loads((Path(__file__).resolve().parents[2] / "deploy" / "cdk.json").read_text())["context"]
    settings = {k: v for k, v in context.items() if not k.startswith("@")}
    assert set(settings) <= set(CONTEXT), set(settings) - set(CONTEXT)
    assert {k: v for k, v in settings.items() if v != CONTEXT[k][1]} == {}


def test_recorded_calls_for_aws_transcribe_get_a_private_bucket_and_only_their_own_objects_and_jobs(
        default_template: dict[str, Any]) -> None:
    from services.adapters.aws.transcribe import PREFIX

    bucket = one(default_template, "AWS::S3::Bucket")
    assert bucket["PublicAccessBlockConfiguration"] == {
        "BlockPublicAcls": True, "BlockPublicPolicy": True, "IgnorePublicAcls": True, "RestrictPublicBuckets": True}
    assert bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]["ServerSideEncryptionByDefault"] == {
        "SSEAlgorithm": "AES256"}
    (rule,) = bucket["LifecycleConfiguration"]["Rules"]
    assert rule["Prefix"] == PREFIX and rule["ExpirationInDays"] == 1
    policy = one(default_template, "AWS::S3::BucketPolicy")["PolicyDocument"]["Statement"]
    assert any(s["Effect"] == "Deny" and s["Condition"] == {"Bool": {"aws:SecureTransport": "false"}} for s in policy)
    statements = {s.get("Sid"): s for s in _task_role_statements(default_template)}
    objects = statements["TranscribeAudioObjects"]
    assert sorted(objects["Action"]) == ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"]
    assert json.dumps(objects["Resource"]).endswith(f'"/{PREFIX}*"]]}}') and "TranscribeAudio" in json.dumps(objects)
    jobs = statements["TranscribeBatchJobs"]
    assert sorted(jobs["Action"]) == ["transcribe:DeleteTranscriptionJob", "transcribe:GetTranscriptionJob",
                                      "transcribe:StartTranscriptionJob"]
    assert json.dumps(jobs["Resource"]).endswith(':transcription-job/frontline-*"]]}')
    env = {e["Name"]: e["Value"] for e in container(default_template)["Environment"]}
    assert "TranscribeAudio" in json.dumps(env["FRONTLINE_TRANSCRIBE_BUCKET"])


def test_every_deployment_migrates_as_the_owner_and_sets_the_apps_own_login_before_the_service_updates(
        default_template: dict[str, Any]) -> None:
    """The app's login owns no table, so it cannot disable the audit log's trigger (docs/postgres.md); the schema and
    that login are the migrate task's, run by a custom resource (ecs:RunTask) the service waits for."""
    from deploy.stack import APP_DB_ROLE, MIGRATE_COMMAND

    migrate = container(default_template, "migrate")
    assert migrate["Command"] == MIGRATE_COMMAND == [
        "python", "-m", "services", "migrate", "--app-role", APP_DB_ROLE, "--app-password-env", "DB_APP_PASSWORD"]
    secrets = {s["Name"]: json.dumps(s["ValueFrom"]) for s in migrate["Secrets"]}
    assert set(secrets) == {"DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD", "DB_APP_PASSWORD"}
    assert "DatabaseSecret" in secrets["DB_PASSWORD"] and "DatabaseAppLogin" in secrets["DB_APP_PASSWORD"]
    login = next(r["Properties"] for r in default_template["Resources"].values()
                 if r["Type"] == "AWS::SecretsManager::Secret" and r["Properties"]["Name"] == "frontline/database-app")
    generated = login["GenerateSecretString"]
    assert json.loads(generated["SecretStringTemplate"]) == {"username": APP_DB_ROLE}
    assert generated["GenerateStringKey"] == "password" and generated["ExcludePunctuation"] is True
    assert "SecretString" not in login

    (name, custom), = [(n, r) for n, r in default_template["Resources"].items() if r["Type"] == "Custom::AWS"]
    migrate_task = next(n for n, r in default_template["Resources"].items()
                        if r["Type"] == "AWS::ECS::TaskDefinition"
                        and r["Properties"]["ContainerDefinitions"][0]["Name"] == "migrate")  # its only one
    for phase in ("Create", "Update"):  # a new task revision (a new image) runs it again
        call = json.dumps(custom["Properties"][phase])
        assert '\\"action\\":\\"runTask\\"' in call and {"Ref": migrate_task} == json.loads(
            json.dumps(custom["Properties"][phase]["Fn::Join"][1][3]))
        assert "MigrateSecurityGroup" in call and "DISABLED" in call
    (service,) = [r for r in default_template["Resources"].values() if r["Type"] == "AWS::ECS::Service"]
    assert name in service["DependsOn"]
    (policy,) = [p for p in resources(default_template, "AWS::IAM::Policy")
                 if "ecs:RunTask" in json.dumps(p["PolicyDocument"])]
    statements = policy["PolicyDocument"]["Statement"]
    assert sorted(_as_list(a) [0] for s in statements for a in [s["Action"]]) == ["ecs:RunTask", "iam:PassRole"]
    assert [s["Resource"] for s in statements if s["Action"] == "ecs:RunTask"] == [{"Ref": migrate_task}]
    # the migrate task itself has no AWS permissions: no policy names its task role
    assert not [p for p in resources(default_template, "AWS::IAM::Policy")
                if "MigrateTaskRole" in json.dumps(p["Roles"]) and "ExecutionRole" not in json.dumps(p["Roles"])]


def test_the_retention_policy_runs_once_a_day_for_the_installation_when_it_is_set(
        default_template: dict[str, Any], custom_template: dict[str, Any]) -> None:
    """Not a thread in each replica: an EventBridge rule runs the app's own task definition (its login and data keys)
    with `python -m services privacy retention` daily; off (no rule) by default, like privacy_retention_days."""
    from deploy.stack import RETENTION_COMMAND

    assert resources(default_template, "AWS::Events::Rule") == []
    assert "FRONTLINE_PRIVACY_RETENTION_DAYS" not in {e["Name"] for e in container(default_template)["Environment"]}
    rule = one(custom_template, "AWS::Events::Rule")
    assert rule["ScheduleExpression"] == "cron(17 3 * * ? *)" and rule["State"] == "ENABLED"
    (target,) = rule["Targets"]
    served = next(n for n, r in custom_template["Resources"].items() if r["Type"] == "AWS::ECS::TaskDefinition"
                  and r["Properties"]["ContainerDefinitions"][0]["Name"] == "frontline")
    assert target["EcsParameters"]["TaskDefinitionArn"] == {"Ref": served}
    assert target["EcsParameters"]["LaunchType"] == "FARGATE" and target["EcsParameters"]["TaskCount"] == 1
    network = target["EcsParameters"]["NetworkConfiguration"]["AwsVpcConfiguration"]
    assert network["AssignPublicIp"] == "DISABLED" and "AppServiceSecurityGroup" in json.dumps(network["SecurityGroups"])
    assert json.loads(target["Input"]) == {"containerOverrides": [{"name": "frontline", "command": RETENTION_COMMAND}]}
    plain = {e["Name"]: e["Value"] for e in container(custom_template)["Environment"]}
    assert plain["FRONTLINE_PRIVACY_RETENTION_DAYS"] == "365"


def test_the_channels_run_beside_the_app_and_the_alb_sends_every_api_route_to_the_api(
        default_template: dict[str, Any], tmp_path: Path) -> None:
    """The ingestion API (widget, social webhooks, /v1/messages, the telephony stream) and the mail poller run in every
    task on the app's login; every route the API serves is one the ALB forwards to it."""
    from fnmatch import fnmatch

    from api.app import create_app
    from deploy.stack import API_COMMAND, API_PATHS, API_PORT, POLLER_COMMAND
    from services.bootstrap import build_services
    from services.config import Settings

    app, api, poller = (container(default_template, name) for name in ("frontline", "api", "poller"))
    assert [c["Name"] for c in task(default_template)["ContainerDefinitions"]] == ["frontline", "api", "poller"]
    assert api["Command"] == API_COMMAND and api["PortMappings"][0]["ContainerPort"] == API_PORT == 8502
    assert api["Essential"] is True and "/healthz" in api["HealthCheck"]["Command"][-1]
    assert poller["Command"] == POLLER_COMMAND and poller["Essential"] is False
    assert poller["RestartPolicy"] == {"Enabled": True, "IgnoredExitCodes": [0]}  # "not configured" ends quietly
    for other in (api, poller):  # the same login, keys and settings as the app
        assert {s["Name"]: s["ValueFrom"] for s in other["Secrets"]} == {s["Name"]: s["ValueFrom"] for s in app["Secrets"]}
        env = {e["Name"]: e["Value"] for e in other["Environment"]}
        assert {k: v for k, v in env.items() if k != "FORWARDED_ALLOW_IPS"} == {
            e["Name"]: e["Value"] for e in app["Environment"] if e["Name"] not in ("PUBLIC_HOST", "PUBLIC_PORT")}
    assert "CidrBlock" in json.dumps({e["Name"]: e["Value"] for e in api["Environment"]}["FORWARDED_ALLOW_IPS"])

    groups = {n: r["Properties"] for n, r in default_template["Resources"].items()
              if r["Type"] == "AWS::ElasticLoadBalancingV2::TargetGroup"}
    (api_group,) = [n for n, g in groups.items() if g["Port"] == API_PORT]
    assert groups[api_group]["HealthCheckPath"] == "/healthz"
    rules = resources(default_template, "AWS::ElasticLoadBalancingV2::ListenerRule")
    routed = [path for r in rules if r["Actions"] == [{"TargetGroupArn": {"Ref": api_group}, "Type": "forward"}]
              for c in r["Conditions"] for path in c["PathPatternConfig"]["Values"]]
    assert sorted(routed) == sorted(API_PATHS) and all(len(c["PathPatternConfig"]["Values"]) <= 5
                                                        for r in rules for c in r["Conditions"])
    served: list[Any] = create_app(build_services(Settings(db_path=str(tmp_path / "unused.db")))).routes
    paths = {route.path for route in served}
    assert "/v1/messages" in paths and "/v1/calls/stream" in paths
    sample = {p: p.replace("{integration}", "shop") for p in paths}
    assert [p for p in paths if not any(fnmatch(sample[p], pattern) for pattern in API_PATHS)] == ["/demo"]
