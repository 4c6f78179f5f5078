"""Frontline on AWS: ECS Fargate replicas behind an ALB with sticky sessions, Aurora PostgreSQL Serverless v2,
database credentials in Secrets Manager, a least-privilege task role for the AWS adapters. The app logs in to the
database as its own role (not the master user, which owns the tables): a one-off migrate task, run by every
deployment before the service updates, migrates as the master user and creates or updates the app's login from its
own generated secret. docs/deploy.md explains it.

Everything is configured through CDK context (`cdk deploy -c replicas=3 ...` or deploy/cdk.json); `read_config`
validates it so a typo fails at synth, not half-way through a CloudFormation deployment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aws_cdk as cdk
from aws_cdk import aws_certificatemanager as acm
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_ecs_patterns as ecs_patterns
from aws_cdk import aws_elasticloadbalancingv2 as elbv2
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_iam as iam
from aws_cdk import aws_logs as logs
from aws_cdk import aws_rds as rds
from aws_cdk import aws_route53 as route53
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import custom_resources as cr
from constructs import Construct

REPO_ROOT = Path(__file__).resolve().parent.parent
CONTAINER_PORT = 8501
HEALTH_PATH = "/_stcore/health"
DATABASE_NAME = "frontline"
# the app's own PostgreSQL login (python -m services migrate --app-role): it owns nothing, so it cannot disable the
# audit log's append-only trigger, delete from or truncate it, or change the schema (docs/postgres.md)
APP_DB_ROLE = "frontline_app"
MIGRATE_COMMAND = ["python", "-m", "services", "migrate", "--app-role", APP_DB_ROLE,
                   "--app-password-env", "DB_APP_PASSWORD"]
SCHEMA_WAIT_S = 300  # seconds an app task waits at start for the migrate task to bring the schema up to date
# Cross-region inference profiles are named "<geo>.<foundation model id>" (e.g. us.anthropic.claude-...).
INFERENCE_PROFILE_PREFIXES = ("us.", "eu.", "apac.", "us-gov.", "global.")
LOG_RETENTION = {1: logs.RetentionDays.ONE_DAY, 7: logs.RetentionDays.ONE_WEEK, 14: logs.RetentionDays.TWO_WEEKS,
                 30: logs.RetentionDays.ONE_MONTH, 90: logs.RetentionDays.THREE_MONTHS,
                 365: logs.RetentionDays.ONE_YEAR}

# Context key -> (type, default). Every key is documented in docs/deploy.md, section "Configuration".
CONTEXT: dict[str, tuple[type, Any]] = {
    "region": (str, "us-east-1"),
    "account": (str, ""),
    "replicas": (int, 2),
    "max_replicas": (int, 6),
    "cpu": (int, 1024),
    "memory_mib": (int, 2048),
    "min_acu": (float, 0.5),
    "max_acu": (float, 2.0),
    "aurora_readers": (int, 0),
    "nat_gateways": (int, 1),
    "backend": (str, "aws"),
    "bedrock_model_id": (str, "anthropic.claude-3-haiku-20240307-v1:0"),
    "bedrock_embedding_model_id": (str, "amazon.titan-embed-text-v2:0"),
    "image": (str, ""),
    "certificate_arn": (str, ""),
    "domain_name": (str, ""),
    "hosted_zone_id": (str, ""),
    "hosted_zone_name": (str, ""),
    "idle_timeout_s": (int, 3600),
    "stickiness_hours": (int, 8),
    "log_retention_days": (int, 30),
    "deletion_protection": (bool, True),
    "aws_apis": (str, "bedrock,comprehend,translate,polly,transcribe"),
    "privacy_retention_days": (int, 0),
}
RETENTION_COMMAND = ["python", "-m", "services", "privacy", "retention"]
# the ingestion API (docs/api.md) beside the app in every task, and the paths the ALB sends to it (ALB: at most five
# per rule, so two rules); everything else goes to Streamlit
API_PORT = 8502
API_COMMAND = ["python", "-m", "api", "--host", "0.0.0.0", "--port", str(API_PORT)]
API_PATHS = ("/v1/*", "/widget/*", "/widget.js", "/social/*", "/healthz", "/openapi.json", "/docs")
POLLER_COMMAND = ["python", "-m", "services", "mail-poll", "--if-configured"]
AWS_APIS = ("bedrock", "comprehend", "translate", "polly", "transcribe")
TRANSCRIBE_PREFIX = "frontline/transcribe/"  # services/adapters/aws/transcribe.py PREFIX


class ConfigError(ValueError):
    """A CDK context value that cannot make a working deployment."""


@dataclass(frozen=True)
class DeployConfig:
    region: str = "us-east-1"
    account: str = ""
    replicas: int = 2
    max_replicas: int = 6
    cpu: int = 1024
    memory_mib: int = 2048
    min_acu: float = 0.5
    max_acu: float = 2.0
    aurora_readers: int = 0
    nat_gateways: int = 1
    backend: str = "aws"
    bedrock_model_id: str = "anthropic.claude-3-haiku-20240307-v1:0"
    bedrock_embedding_model_id: str = "amazon.titan-embed-text-v2:0"
    image: str = ""
    certificate_arn: str = ""
    domain_name: str = ""
    hosted_zone_id: str = ""
    hosted_zone_name: str = ""
    idle_timeout_s: int = 3600
    stickiness_hours: int = 8
    log_retention_days: int = 30
    deletion_protection: bool = True
    aws_apis: str = "bedrock,comprehend,translate,polly,transcribe"
    privacy_retention_days: int = 0
    model_ids: tuple[str, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "model_ids", tuple(dict.fromkeys(
            m for m in (self.bedrock_model_id, self.bedrock_embedding_model_id) if m)))
        if self.replicas < 2:
            raise ConfigError(f"replicas must be at least 2 (one replica is one point of failure), got {self.replicas}")
        if self.max_replicas < self.replicas:
            raise ConfigError(f"max_replicas ({self.max_replicas}) is below replicas ({self.replicas})")
        if not 0 <= self.min_acu <= self.max_acu <= 256 or self.max_acu < 1:
            raise ConfigError(f"Aurora Serverless v2 needs 0 <= min_acu <= max_acu <= 256 and max_acu >= 1, "
                              f"got {self.min_acu}-{self.max_acu}")
        if self.min_acu * 2 != int(self.min_acu * 2) or self.max_acu * 2 != int(self.max_acu * 2):
            raise ConfigError("ACU values go in steps of 0.5")
        if not 1 <= self.idle_timeout_s <= 4000:
            raise ConfigError(f"the ALB idle timeout is 1-4000 s, got {self.idle_timeout_s}")
        if self.log_retention_days not in LOG_RETENTION:
            raise ConfigError(f"log_retention_days must be one of {sorted(LOG_RETENTION)}")
        if self.backend not in ("local", "aws"):
            raise ConfigError(f"backend must be local or aws, got {self.backend!r}")
        if self.domain_name and not (self.certificate_arn and self.hosted_zone_id and self.hosted_zone_name):
            raise ConfigError("domain_name needs certificate_arn, hosted_zone_id and hosted_zone_name")
        unknown = set(self.apis) - set(AWS_APIS)
        if unknown:
            raise ConfigError(f"aws_apis: unknown {', '.join(sorted(unknown))}; valid: {', '.join(AWS_APIS)}")
        if not 0 <= self.privacy_retention_days <= 36_500:
            raise ConfigError(f"privacy_retention_days must be 0 (off) to 36500, got {self.privacy_retention_days}")
        if self.nat_gateways < 1:
            raise ConfigError("nat_gateways must be at least 1: the tasks reach Bedrock and the other AWS APIs "
                              "through it")

    @property
    def apis(self) -> tuple[str, ...]:
        return tuple(a.strip() for a in self.aws_apis.split(",") if a.strip())


def read_config(node: Any) -> DeployConfig:
    """The DeployConfig from CDK context (`-c key=value` arrives as a string; cdk.json values keep their JSON type)."""
    values: dict[str, Any] = {}
    for key, (kind, _default) in CONTEXT.items():
        raw = node.try_get_context(key)
        if raw is None:
            continue
        try:
            if kind is bool:
                values[key] = raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
            else:
                values[key] = kind(raw)
        except ValueError as exc:
            raise ConfigError(f"context {key}={raw!r} is not {'an integer' if kind is int else 'a number'}") from exc
    return DeployConfig(**values)


def bedrock_resource_arns(model_ids: tuple[str, ...], region: str, account: str) -> list[str]:
    """The ARNs bedrock:InvokeModel may touch: a foundation model in the region, or an inference profile in the
    account plus the foundation model behind it in any region the profile routes to."""
    arns: list[str] = []
    for model_id in model_ids:
        prefix = next((p for p in INFERENCE_PROFILE_PREFIXES if model_id.startswith(p)), "")
        if prefix:
            arns.append(f"arn:aws:bedrock:{region}:{account}:inference-profile/{model_id}")
            arns.append(f"arn:aws:bedrock:*::foundation-model/{model_id[len(prefix):]}")
        else:
            arns.append(f"arn:aws:bedrock:{region}::foundation-model/{model_id}")
    return arns


def task_role_statements(config: DeployConfig, region: str, account: str) -> list[iam.PolicyStatement]:
    """Least privilege for the AWS adapters: named actions only, for the APIs in `aws_apis`. Bedrock is limited to
    the configured models (Converse is authorised by bedrock:InvokeModel); Comprehend's Detect* actions, Translate,
    Polly and Transcribe streaming have no resource-level permissions in IAM, so they take Resource "*" with explicit
    action names (never a service-wide or "*" action)."""
    statements = {
        "bedrock": iam.PolicyStatement(
            sid="BedrockConfiguredModels", actions=["bedrock:InvokeModel"],
            resources=bedrock_resource_arns(config.model_ids, region, account)),
        "comprehend": iam.PolicyStatement(
            sid="ComprehendDetect",
            actions=["comprehend:DetectDominantLanguage", "comprehend:DetectSentiment", "comprehend:DetectEntities",
                     "comprehend:DetectPiiEntities"],
            resources=["*"]),
        "translate": iam.PolicyStatement(sid="Translate", actions=["translate:TranslateText"], resources=["*"]),
        "polly": iam.PolicyStatement(sid="Polly", actions=["polly:SynthesizeSpeech"], resources=["*"]),
        "transcribe": iam.PolicyStatement(
            sid="TranscribeStreaming",
            actions=["transcribe:StartStreamTranscription", "transcribe:StartStreamTranscriptionWebSocket"],
            resources=["*"]),
    }
    return [statements[api] for api in config.apis]


class FrontlineStack(cdk.Stack):
    """VPC (public: ALB + NAT; private: tasks; isolated: Aurora), ECS cluster, Fargate service behind the ALB."""

    def __init__(self, scope: Construct, construct_id: str, *, config: DeployConfig, **kwargs: Any) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.config = config

        vpc = ec2.Vpc(
            self, "Vpc", max_azs=2, nat_gateways=config.nat_gateways,
            subnet_configuration=[
                ec2.SubnetConfiguration(name="public", subnet_type=ec2.SubnetType.PUBLIC, cidr_mask=24),
                ec2.SubnetConfiguration(name="app", subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS, cidr_mask=22),
                ec2.SubnetConfiguration(name="db", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED, cidr_mask=24),
            ])

        # Aurora PostgreSQL Serverless v2; its generated secret holds username, password, host, port, dbname.
        db_security_group = ec2.SecurityGroup(self, "DatabaseSecurityGroup", vpc=vpc, allow_all_outbound=False,
                                              description="Aurora: PostgreSQL from the Frontline tasks only")
        readers = [rds.ClusterInstance.serverless_v2(f"reader{i + 1}", scale_with_writer=True)
                   for i in range(config.aurora_readers)]
        self.database = rds.DatabaseCluster(
            self, "Database",
            engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_6),
            writer=rds.ClusterInstance.serverless_v2("writer"),
            readers=readers or None,
            serverless_v2_min_capacity=config.min_acu,
            serverless_v2_max_capacity=config.max_acu,
            credentials=rds.Credentials.from_generated_secret("frontline", secret_name="frontline/database"),
            default_database_name=DATABASE_NAME,
            vpc=vpc, vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED),
            security_groups=[db_security_group],
            storage_encrypted=True,
            backup=rds.BackupProps(retention=cdk.Duration.days(7)),
            deletion_protection=config.deletion_protection,
            removal_policy=cdk.RemovalPolicy.SNAPSHOT,
        )
        secret = self.database.secret
        assert secret is not None  # from_generated_secret always makes one

        # Field encryption at rest: one key for every task (a task's own key file would be refused by the others and
        # lost with its container). Secrets Manager generates the passphrase the tasks derive the data key and the
        # HMAC key from (services/adapters/local/field_crypto.py parse_key_document); it never appears in the
        # template. Retained when the stack is deleted: the database's snapshots stay readable only with it.
        self.data_keys = secretsmanager.Secret(
            self, "DataKeys", secret_name="frontline/data-keys",
            description="Frontline field encryption keys (docs/security.md): rotate by adding an explicit key",
            generate_secret_string=secretsmanager.SecretStringGenerator(
                secret_string_template=json.dumps({"current": "k1"}), generate_string_key="passphrase",
                password_length=64, exclude_punctuation=True, include_space=False),
            removal_policy=cdk.RemovalPolicy.RETAIN)

        # The app's own login: its password generated here, the role created (and the password kept in step after a
        # rotation) by the migrate task below. The master secret stays with the migrate task only.
        self.app_login = secretsmanager.Secret(
            self, "DatabaseAppLogin", secret_name="frontline/database-app",
            description="Frontline's own PostgreSQL login (not the tables' owner); set on the server by the migrate task",
            generate_secret_string=secretsmanager.SecretStringGenerator(
                secret_string_template=json.dumps({"username": APP_DB_ROLE}), generate_string_key="password",
                password_length=40, exclude_punctuation=True, include_space=False))

        log_group = logs.LogGroup(self, "Logs", log_group_name="/frontline/app",
                                  retention=LOG_RETENTION[config.log_retention_days],
                                  removal_policy=cdk.RemovalPolicy.RETAIN)

        self.task_role = iam.Role(self, "TaskRole", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"),
                                  description="Frontline tasks: the AWS adapters' API calls, nothing else")
        for statement in task_role_statements(config, self.region, self.account):
            self.task_role.add_to_policy(statement)  # aws_apis="" (backend local): only the data-key secret below
        self.task_role.add_to_policy(iam.PolicyStatement(
            sid="DataKeysSecret", actions=["secretsmanager:GetSecretValue"], resources=[self.data_keys.secret_arn]))
        self.transcribe_bucket = self._transcribe_bucket() if "transcribe" in config.apis else None

        if config.image:  # a pushed image (CI builds and pushes it): no Docker needed at deploy time
            image = ecs.ContainerImage.from_registry(config.image)
        else:  # built from the repository's Dockerfile by `cdk deploy` (needs Docker there)
            image = ecs.ContainerImage.from_asset(str(REPO_ROOT), file="Dockerfile")

        certificate = (acm.Certificate.from_certificate_arn(self, "Certificate", config.certificate_arn)
                       if config.certificate_arn else None)
        zone = (route53.HostedZone.from_hosted_zone_attributes(self, "Zone", hosted_zone_id=config.hosted_zone_id,
                                                               zone_name=config.hosted_zone_name)
                if config.domain_name else None)

        cluster = ecs.Cluster(self, "Cluster", vpc=vpc, container_insights_v2=ecs.ContainerInsights.DISABLED)
        app_environment = {
            "FRONTLINE_BACKEND": config.backend,
            "FRONTLINE_AWS_REGION": self.region,
            "FRONTLINE_BEDROCK_MODEL_ID": config.bedrock_model_id,
            "FRONTLINE_BEDROCK_EMBEDDING_MODEL_ID": config.bedrock_embedding_model_id,
            "DB_NAME": DATABASE_NAME,
            "DB_HOST": self.database.cluster_endpoint.hostname,
            "DB_PORT": cdk.Token.as_string(self.database.cluster_endpoint.port),
            "FRONTLINE_PROVIDER_KEYS": "secretsmanager",
            "FRONTLINE_DATA_KEYS_SECRET_ID": self.data_keys.secret_arn,
            # the migrate task runs beside the new tasks (ecs:RunTask returns when it is placed): wait for its schema
            "FRONTLINE_SCHEMA_WAIT_S": str(SCHEMA_WAIT_S),
        }
        # Read by the execution role at task start and handed to the containers as environment variables;
        # deploy/entrypoint.py assembles FRONTLINE_DATABASE_URL from them (the password is URL-encoded). The app's own
        # login (frontline/database-app): the service's execution role never reads the master secret (the endpoint's
        # host and port are plain environment variables above).
        app_secrets = {
            "DB_USER": ecs.Secret.from_secrets_manager(self.app_login, "username"),
            "DB_PASSWORD": ecs.Secret.from_secrets_manager(self.app_login, "password"),
        }
        self.service = ecs_patterns.ApplicationLoadBalancedFargateService(
            self, "App",
            cluster=cluster,
            cpu=config.cpu, memory_limit_mib=config.memory_mib,
            desired_count=config.replicas,
            min_healthy_percent=100, max_healthy_percent=200,
            circuit_breaker=ecs.DeploymentCircuitBreaker(rollback=True),
            health_check_grace_period=cdk.Duration.seconds(180),  # first start loads the local models
            # The container's own check (the ALB has its own below): the slim image has no curl, Python does it.
            health_check=ecs.HealthCheck(
                command=["CMD", "python", "-c", "import urllib.request; urllib.request.urlopen("
                         f"'http://127.0.0.1:{CONTAINER_PORT}{HEALTH_PATH}', timeout=4)"],
                interval=cdk.Duration.seconds(30), timeout=cdk.Duration.seconds(5), retries=3,
                start_period=cdk.Duration.seconds(120)),
            task_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS),
            public_load_balancer=True,
            idle_timeout=cdk.Duration.seconds(config.idle_timeout_s),  # the Streamlit websocket stays open
            certificate=certificate,
            redirect_http=certificate is not None,
            protocol=elbv2.ApplicationProtocol.HTTPS if certificate else elbv2.ApplicationProtocol.HTTP,
            domain_name=config.domain_name or None,
            domain_zone=zone,
            task_image_options=ecs_patterns.ApplicationLoadBalancedTaskImageOptions(
                image=image,
                container_name="frontline",
                container_port=CONTAINER_PORT,
                task_role=self.task_role,
                log_driver=ecs.LogDrivers.aws_logs(stream_prefix="frontline", log_group=log_group),
                environment=dict(app_environment),
                secrets=dict(app_secrets),
            ),
        )
        public_host = config.domain_name or self.service.load_balancer.load_balancer_dns_name
        container = self.service.task_definition.default_container
        assert container is not None
        container.add_environment("PUBLIC_HOST", public_host)
        container.add_environment("PUBLIC_PORT", "443" if certificate else "80")
        if self.transcribe_bucket is not None:
            app_environment["FRONTLINE_TRANSCRIBE_BUCKET"] = self.transcribe_bucket.bucket_name
            container.add_environment("FRONTLINE_TRANSCRIBE_BUCKET", self.transcribe_bucket.bucket_name)
        if config.privacy_retention_days:
            app_environment["FRONTLINE_PRIVACY_RETENTION_DAYS"] = str(config.privacy_retention_days)
            self._retention_schedule(cluster, config.privacy_retention_days)
        self._channel_containers(image, log_group, app_environment, app_secrets)

        target_group = self.service.target_group
        target_group.configure_health_check(path=HEALTH_PATH, healthy_http_codes="200", interval=cdk.Duration.seconds(15),
                                            timeout=cdk.Duration.seconds(5), healthy_threshold_count=2,
                                            unhealthy_threshold_count=3)
        # Sticky sessions: a Streamlit session lives in one server process; its websocket reconnects must come back
        # to the same replica (the sign-in token itself is checked against the database, so a lost replica only costs
        # a reconnect).
        target_group.enable_cookie_stickiness(cdk.Duration.hours(config.stickiness_hours))
        target_group.set_attribute("deregistration_delay.timeout_seconds", "30")

        self.database.connections.allow_default_port_from(self.service.service, "Frontline tasks to PostgreSQL")
        migrate = self._migrate_task(cluster, image, secret, log_group)
        self.service.service.node.add_dependency(migrate)  # the schema and the app's login before its tasks start

        scaling = self.service.service.auto_scale_task_count(min_capacity=config.replicas,
                                                             max_capacity=config.max_replicas)
        scaling.scale_on_cpu_utilization("Cpu", target_utilization_percent=60,
                                         scale_in_cooldown=cdk.Duration.minutes(10),
                                         scale_out_cooldown=cdk.Duration.minutes(2))

        cdk.CfnOutput(self, "Url", value=(f"https://{config.domain_name}" if config.domain_name else
                                          ("https://" if certificate else "http://")
                                          + self.service.load_balancer.load_balancer_dns_name))
        cdk.CfnOutput(self, "DatabaseSecretArn", value=secret.secret_arn)
        cdk.CfnOutput(self, "LogGroup", value=log_group.log_group_name)
        cdk.CfnOutput(self, "DataKeysSecretArn", value=self.data_keys.secret_arn)
        cdk.CfnOutput(self, "MigrateTaskDefinitionArn", value=self.migrate_task.task_definition_arn)

    def _channel_containers(self, image: ecs.ContainerImage, log_group: logs.LogGroup, environment: dict[str, str],
                            secrets: dict[str, ecs.Secret]) -> None:
        """The channels beside the app in every task, on the same login and keys: the ingestion API (`python -m
        api`: the web chat widget, social webhooks, POST /v1/messages, the telephony audio stream) on API_PORT, which
        the ALB sends API_PATHS to; and the mail poller (`mail-poll --if-configured`: inbound e-mail, the e-mail and
        social outboxes' retries), which ends at once, quietly, when neither channel is configured (then it stays
        stopped: it is not essential) and is restarted when it fails. One poller per task is safe: every reply is
        leased before it is sent and every mail is stored once by its Message-ID (docs/email.md)."""
        # X-Forwarded-For is believed from the VPC only (the ALB's nodes): each widget visitor's own address counts
        # against the per-address limits, and a client cannot make one up (uvicorn takes the right-most untrusted one)
        forwarded = {"FORWARDED_ALLOW_IPS": self.service.cluster.vpc.vpc_cidr_block}
        api = self.service.task_definition.add_container(
            "api", image=image, command=API_COMMAND, environment={**environment, **forwarded}, secrets=dict(secrets),
            port_mappings=[ecs.PortMapping(container_port=API_PORT)],
            logging=ecs.LogDrivers.aws_logs(stream_prefix="api", log_group=log_group),
            health_check=ecs.HealthCheck(
                command=["CMD", "python", "-c", "import urllib.request; urllib.request.urlopen("
                         f"'http://127.0.0.1:{API_PORT}/healthz', timeout=4)"],
                interval=cdk.Duration.seconds(30), timeout=cdk.Duration.seconds(5), retries=3,
                start_period=cdk.Duration.seconds(120)))
        self.service.task_definition.add_container(
            "poller", image=image, command=POLLER_COMMAND, environment=dict(environment), secrets=dict(secrets),
            essential=False, enable_restart_policy=True, restart_ignored_exit_codes=[0],
            logging=ecs.LogDrivers.aws_logs(stream_prefix="poller", log_group=log_group))
        api_targets = self.service.listener.add_targets(
            "Api", port=API_PORT, protocol=elbv2.ApplicationProtocol.HTTP, priority=10,
            conditions=[elbv2.ListenerCondition.path_patterns(list(API_PATHS[:5]))],
            targets=[self.service.service.load_balancer_target(container_name=api.container_name,
                                                                container_port=API_PORT)],
            health_check=elbv2.HealthCheck(path="/healthz", healthy_http_codes="200",
                                           interval=cdk.Duration.seconds(15), timeout=cdk.Duration.seconds(5)),
            deregistration_delay=cdk.Duration.seconds(30))
        elbv2.ApplicationListenerRule(
            self, "ApiMoreRule", listener=self.service.listener, priority=11,
            conditions=[elbv2.ListenerCondition.path_patterns(list(API_PATHS[5:]))],
            action=elbv2.ListenerAction.forward([api_targets]))

    def _retention_schedule(self, cluster: ecs.Cluster, days: int) -> None:
        """The retention policy (docs/security.md "Data rights"), once a day for the installation, not once per
        replica: an EventBridge rule runs the app's own task definition (its login, its data keys) with the command
        `python -m services privacy retention`, which anonymises conversations resolved more than ``days`` ago."""
        container = self.service.task_definition.default_container
        assert container is not None
        container.add_environment("FRONTLINE_PRIVACY_RETENTION_DAYS", str(days))
        events.Rule(self, "RetentionDaily", description="Frontline: apply the privacy retention policy",
                    schedule=events.Schedule.cron(minute="17", hour="3")).add_target(targets.EcsTask(
                        cluster=cluster, task_definition=self.service.task_definition, task_count=1,
                        launch_type=ecs.LaunchType.FARGATE,
                        subnet_selection=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS),
                        security_groups=list(self.service.service.connections.security_groups),
                        container_overrides=[targets.ContainerOverride(container_name="frontline",
                                                                       command=RETENTION_COMMAND)]))

    def _migrate_task(self, cluster: ecs.Cluster, image: ecs.ContainerImage, master: Any,
                      log_group: logs.LogGroup) -> cr.AwsCustomResource:
        """A one-off Fargate task, `python -m services migrate --app-role frontline_app --app-password-env
        DB_APP_PASSWORD` logged in as the master user, started by a custom resource (ecs:RunTask) on every
        deployment that changes the image or the task; the service waits for that call. The task has no task-role
        permissions; only it (through its execution role) reads the master secret."""
        self.migrate_task = ecs.FargateTaskDefinition(
            self, "MigrateTask", cpu=512, memory_limit_mib=1024,
            task_role=iam.Role(self, "MigrateTaskRole", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"),
                               description="Frontline migrate task: no AWS permissions"))
        self.migrate_task.add_container(
            "migrate", image=image, command=MIGRATE_COMMAND,
            logging=ecs.LogDrivers.aws_logs(stream_prefix="migrate", log_group=log_group),
            environment={"DB_NAME": DATABASE_NAME},
            secrets={
                "DB_HOST": ecs.Secret.from_secrets_manager(master, "host"),
                "DB_PORT": ecs.Secret.from_secrets_manager(master, "port"),
                "DB_USER": ecs.Secret.from_secrets_manager(master, "username"),
                "DB_PASSWORD": ecs.Secret.from_secrets_manager(master, "password"),
                "DB_APP_PASSWORD": ecs.Secret.from_secrets_manager(self.app_login, "password"),
            })
        group = ec2.SecurityGroup(self, "MigrateSecurityGroup", vpc=cluster.vpc,
                                  description="Frontline migrate task: PostgreSQL and the image registry")
        self.database.connections.allow_default_port_from(group, "Frontline migrate task to PostgreSQL")
        subnets = cluster.vpc.select_subnets(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS).subnet_ids
        run = cr.AwsSdkCall(
            service="ECS", action="runTask",
            parameters={"cluster": cluster.cluster_arn, "taskDefinition": self.migrate_task.task_definition_arn,
                        "launchType": "FARGATE", "count": 1,
                        "networkConfiguration": {"awsvpcConfiguration": {
                            "subnets": subnets, "securityGroups": [group.security_group_id],
                            "assignPublicIp": "DISABLED"}}},
            # a new task revision (a new image) is a new physical id: CloudFormation calls onUpdate, which runs it
            physical_resource_id=cr.PhysicalResourceId.of(self.migrate_task.task_definition_arn))
        roles = [self.migrate_task.task_role.role_arn, self.migrate_task.obtain_execution_role().role_arn]
        migrate = cr.AwsCustomResource(
            self, "Migrate", on_create=run, on_update=run, install_latest_aws_sdk=False,
            policy=cr.AwsCustomResourcePolicy.from_statements([
                iam.PolicyStatement(actions=["ecs:RunTask"], resources=[self.migrate_task.task_definition_arn]),
                iam.PolicyStatement(actions=["iam:PassRole"], resources=roles)]))
        migrate.node.add_dependency(self.database)
        return migrate


    def _transcribe_bucket(self) -> s3.Bucket:
        """Recorded calls for AWS Transcribe's batch jobs (services/adapters/aws/transcribe.py): the audio and the
        job's JSON result under TRANSCRIBE_PREFIX, deleted by the adapter when the job is read and, whatever is left
        (a crashed task), by a one-day lifecycle rule. Private, encrypted, TLS only. The task role may put, get and
        delete objects under that prefix and start, read and delete its own jobs (names start "frontline-"); nothing
        else in S3 or Transcribe."""
        bucket = s3.Bucket(self, "TranscribeAudio", encryption=s3.BucketEncryption.S3_MANAGED,
                           block_public_access=s3.BlockPublicAccess.BLOCK_ALL, enforce_ssl=True,
                           lifecycle_rules=[s3.LifecycleRule(prefix=TRANSCRIBE_PREFIX, expiration=cdk.Duration.days(1))],
                           removal_policy=cdk.RemovalPolicy.DESTROY)
        self.task_role.add_to_policy(iam.PolicyStatement(
            sid="TranscribeAudioObjects", actions=["s3:PutObject", "s3:GetObject", "s3:DeleteObject"],
            resources=[bucket.arn_for_objects(f"{TRANSCRIBE_PREFIX}*")]))
        self.task_role.add_to_policy(iam.PolicyStatement(
            sid="TranscribeBatchJobs",
            actions=["transcribe:StartTranscriptionJob", "transcribe:GetTranscriptionJob",
                     "transcribe:DeleteTranscriptionJob"],
            resources=[f"arn:aws:transcribe:{self.region}:{self.account}:transcription-job/frontline-*"]))
        return bucket

def build_app(context: dict[str, Any] | None = None, outdir: str | None = None) -> tuple[cdk.App, FrontlineStack]:
    """The CDK app with one FrontlineStack; tests pass context here, `cdk` passes it through the environment."""
    app = cdk.App(context=context or {}, outdir=outdir)
    config = read_config(app.node)
    env = cdk.Environment(account=config.account or None, region=config.region)
    stack = FrontlineStack(app, "Frontline", config=config, env=env,
                           description="Frontline agent assist: Fargate behind an ALB, Aurora Serverless v2")
    return app, stack
