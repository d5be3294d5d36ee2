using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Text;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>
/// One CloudFormation resource a construct creates: the main one (<see cref="RelativeId"/> null) or another one
/// that drives cost, at its construct path below the construct (<c>PublicSubnet1/NATGateway</c> of a Vpc).
/// </summary>
internal sealed record ResourcePart(string? RelativeId, string CfnType, List<MapEntry> Properties);

/// <summary>
/// Reads a construct's props into CloudFormation-named properties, the ones that drive cost and tags. CDK defaults
/// are filled in only where they differ from CloudFormation's own (an RDS instance class, a log group's two-year
/// retention, a VPC's NAT gateways); they are placed on the construct's id. <c>RemovalPolicy</c> is recorded as
/// <c>DeletionPolicy</c>, the resource attribute it synthesizes to.
/// </summary>
internal sealed class ConstructProperties(ExpressionEvaluator evaluator)
{
    private readonly CdkValueReader _read = new(evaluator);

    private sealed class Props(ExpressionEvaluator evaluator, Dictionary<string, (ExpressionSyntax Value, CSharpSource Source)> members, SourceRange defaultRange)
    {
        public readonly List<MapEntry> Entries = [];
        public SourceRange DefaultRange => defaultRange;

        public (ExpressionSyntax Value, CSharpSource Source)? this[string name] => members.TryGetValue(name, out var m) ? m : null;

        public IEnumerable<string> Names => members.Keys;

        public IacValue? Value(string name) => this[name] is { } m ? evaluator.Evaluate(m.Value, m.Source) : null;

        public void Add(string cfnName, IacValue? value)
        {
            if (value is not null) Entries.Add(new MapEntry(cfnName, value.Range, value));
        }

        public void Copy(string cdkName, string cfnName) => Add(cfnName, Value(cdkName));
    }

    public List<ResourcePart> Extract(ConstructNode node)
    {
        var source = node.Source!;
        evaluator.Current = node.Bindings;
        var members = evaluator.Initializer(node.Props, source);
        var defaultRange = source.Range(node.IdExpression!);
        var p = new Props(evaluator, members, defaultRange);
        var parts = new List<ResourcePart>();
        var type = node.CfnType!;
        switch (node.Kind)
        {
            case PropsKind.L1 when node.ClassName == "CfnResource":
                if (p.Value("Properties") is MapValue generic) p.Entries.AddRange(generic.Entries);
                break;
            case PropsKind.L1:
                foreach (var name in p.Names) p.Copy(name, CfnPropertyName(name));
                break;
            case PropsKind.Instance:
                p.Add("InstanceType", _read.InstanceType(p["InstanceType"], ""));
                break;
            case PropsKind.Volume:
                p.Add("Size", _read.Quantity(p["Size"]));
                p.Add("VolumeType", _read.EnumLower(p["VolumeType"]));
                p.Copy("Iops", "Iops");
                break;
            case PropsKind.Vpc:
                Vpc(p, parts);
                break;
            case PropsKind.Bucket:
                Bucket(p);
                break;
            case PropsKind.DatabaseInstance:
                p.Add("DBInstanceClass", _read.InstanceType(p["InstanceType"], "db.") ?? new StringValue("db.m5.large", defaultRange));
                p.Add("AllocatedStorage", p.Value("AllocatedStorage") ?? new NumberValue(100, "100", defaultRange));
                p.Add("MultiAZ", p.Value("MultiAz") ?? new BoolValue(false, defaultRange));
                p.Add("StorageType", _read.EnumLower(p["StorageType"]));
                p.Add("Engine", _read.Engine(p["Engine"]));
                p.Add("BackupRetentionPeriod", _read.Quantity(p["BackupRetention"]));
                p.Copy("Iops", "Iops");
                break;
            case PropsKind.DatabaseCluster:
                p.Add("Engine", _read.Engine(p["Engine"]));
                ClusterInstances(p, parts);
                break;
            case PropsKind.Function:
                p.Copy("MemorySize", "MemorySize");
                p.Add("Timeout", _read.Quantity(p["Timeout"]));
                p.Add("Runtime", _read.Member(p["Runtime"], CdkEnums.Runtime));
                if (_read.Member(p["Architecture"], m => m == "ARM_64" ? "arm64" : "x86_64") is { } arch)
                    p.Add("Architectures", new ListValue([arch], arch.Range));
                p.Add("LogRetention", _read.Retention(p["LogRetention"]));
                p.Copy("ReservedConcurrentExecutions", "ReservedConcurrentExecutions");
                break;
            case PropsKind.AutoScalingGroup:
                p.Add("InstanceType", _read.InstanceType(p["InstanceType"], ""));
                p.Add("MinSize", p.Value("MinCapacity") ?? new NumberValue(1, "1", defaultRange));
                p.Copy("MaxCapacity", "MaxSize");
                p.Copy("DesiredCapacity", "DesiredCapacity");
                break;
            case PropsKind.ApplicationLoadBalancer or PropsKind.NetworkLoadBalancer:
                p.Add("Type", new StringValue(node.Kind == PropsKind.ApplicationLoadBalancer ? "application" : "network", defaultRange));
                if (p.Value("InternetFacing") is { } facing)
                    p.Add("Scheme", facing is BoolValue b ? new StringValue(b.Value ? "internet-facing" : "internal", b.Range) : facing);
                break;
            case PropsKind.Table:
                Table(p);
                break;
            case PropsKind.LogGroup:
                p.Copy("LogGroupName", "LogGroupName");
                var retention = _read.Retention(p["Retention"]);
                if (p["Retention"] is null) retention = new NumberValue(731, "731", defaultRange);
                p.Add("RetentionInDays", retention);
                break;
        }
        if (node.Kind != PropsKind.L1) p.Add("DeletionPolicy", _read.Member(p["RemovalPolicy"], m => CdkEnums.DeletionPolicy(m) ?? m));
        parts.Insert(0, new ResourcePart(null, type, p.Entries));
        return parts;
    }

    private void Vpc(Props p, List<ResourcePart> parts)
    {
        var nat = p.Value("NatGateways");
        var azs = p.Value("MaxAzs");
        p.Add("MaxAzs", azs);
        // CDK's default is one NAT gateway per AZ; an environment-agnostic stack sees two AZs.
        nat ??= azs is NumberValue a ? new NumberValue(a.Value, a.Text, p.DefaultRange) : new NumberValue(2, "2", p.DefaultRange);
        p.Add("NatGateways", nat);
        if (nat is not NumberValue { Value: > 0 and <= 16 } count) return;
        for (int i = 1; i <= (int)count.Value; i++)
        {
            parts.Add(new ResourcePart($"PublicSubnet{i}/NATGateway", "AWS::EC2::NatGateway", []));
            parts.Add(new ResourcePart($"PublicSubnet{i}/EIP", "AWS::EC2::EIP", [new MapEntry("Domain", count.Range, new StringValue("vpc", count.Range))]));
        }
    }

    private void Bucket(Props p)
    {
        p.Copy("BucketName", "BucketName");
        if (p.Value("Versioned") is { } versioned)
            p.Add("VersioningConfiguration", versioned is BoolValue b
                ? new MapValue([new MapEntry("Status", b.Range, new StringValue(b.Value ? "Enabled" : "Suspended", b.Range))], b.Range)
                : versioned);
        if (p["LifecycleRules"] is { } rules && evaluator.Evaluate(rules.Value, rules.Source) is var value)
        {
            IacValue config = value is ListValue list
                ? new MapValue([new MapEntry("Rules", list.Range, new ListValue(list.Items.Select(LifecycleRule).ToList(), list.Range))], list.Range)
                : value;
            p.Add("LifecycleConfiguration", config);
        }
    }

    /// <summary>A lifecycle rule as CloudFormation writes it; only what cost rules need (status, expiration).</summary>
    private static IacValue LifecycleRule(IacValue rule)
    {
        if (rule is not MapValue map) return rule;
        var entries = new List<MapEntry> { new("Status", map.Range, new StringValue(map["Enabled"] is BoolValue { Value: false } ? "Disabled" : "Enabled", map.Range)) };
        if (map.Entry("Expiration") is { } exp) entries.Add(new MapEntry("ExpirationInDays", exp.KeyRange, exp.Value));
        if (map.Entry("Transitions") is { } tr) entries.Add(new MapEntry("Transitions", tr.KeyRange, tr.Value));
        return new MapValue(entries, map.Range);
    }

    private void Table(Props p)
    {
        var billing = _read.Member(p["BillingMode"], m => m);
        p.Add("BillingMode", billing);
        if (billing?.AsString() != "PAY_PER_REQUEST")
        {
            var read = p.Value("ReadCapacity") ?? new NumberValue(5, "5", p.DefaultRange);
            var write = p.Value("WriteCapacity") ?? new NumberValue(5, "5", p.DefaultRange);
            p.Add("ProvisionedThroughput", new MapValue(
                [new MapEntry("ReadCapacityUnits", read.Range, read), new MapEntry("WriteCapacityUnits", write.Range, write)], p.DefaultRange));
        }
        p.Add("TableClass", _read.Member(p["TableClass"], m => m));
    }

    private void ClusterInstances(Props p, List<ResourcePart> parts)
    {
        void Instance(string id, ExpressionSyntax e, CSharpSource source)
        {
            (e, source) = _read.Follow(e, source);
            var range = source.Range(e);
            var instance = new List<MapEntry>();
            if (e is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var kind } } call)
            {
                var args = call.ArgumentList.Arguments;
                var childId = args.Count > 0 ? evaluator.Evaluate(args[0].Expression, source).AsString() ?? id : id;
                IacValue? cls = kind == "ServerlessV2" ? new StringValue("db.serverless", range) : null;
                if (cls is null && args.Count > 1 && evaluator.Initializer(args[1].Expression, source).TryGetValue("InstanceType", out var t))
                    cls = _read.InstanceType(t, "db.");
                if (cls is not null) instance.Add(new MapEntry("DBInstanceClass", cls.Range, cls));
                parts.Add(new ResourcePart(childId, "AWS::RDS::DBInstance", instance));
                return;
            }
            parts.Add(new ResourcePart(id, "AWS::RDS::DBInstance", instance));
        }

        if (p["Writer"] is { } writer) Instance("writer", writer.Value, writer.Source);
        if (p["Readers"] is { } readers)
        {
            var (e, source) = _read.Follow(readers.Value, readers.Source);
            var items = e switch
            {
                ArrayCreationExpressionSyntax { Initializer: { } i } => i.Expressions.ToList(),
                ImplicitArrayCreationExpressionSyntax i => i.Initializer.Expressions.ToList(),
                CollectionExpressionSyntax c => c.Elements.OfType<ExpressionElementSyntax>().Select(x => x.Expression).ToList(),
                _ => [],
            };
            for (int i = 0; i < items.Count; i++) Instance($"reader{i + 1}", items[i], source);
        }
        if (p["Writer"] is null && p["InstanceProps"] is { } legacy)
        {
            var count = p.Value("Instances") is NumberValue n ? (int)Math.Clamp(n.Value, 0, 16) : 2;
            var props = evaluator.Initializer(legacy.Value, legacy.Source);
            var cls = props.TryGetValue("InstanceType", out var t) ? _read.InstanceType(t, "db.") : null;
            for (int i = 1; i <= count; i++)
                parts.Add(new ResourcePart($"Instance{i}", "AWS::RDS::DBInstance", cls is null ? [] : [new MapEntry("DBInstanceClass", cls.Range, cls)]));
        }
    }

    /// <summary>L1 props use .NET casing for acronyms (<c>MultiAz</c>, <c>DbInstanceClass</c>); CloudFormation does not.</summary>
    internal static string CfnPropertyName(string name) => name switch
    {
        "MultiAz" => "MultiAZ",
        _ when name.StartsWith("Db", StringComparison.Ordinal) && name.Length > 2 && char.IsUpper(name[2]) => "DB" + name[2..],
        _ => name,
    };
}
