namespace FinOpsCopilot.Core.Rules.Cost;

/// <summary>
/// Which instance families to move to, and why. Previous generation: the families on AWS's "Previous generation
/// instances" page (as tflint-ruleset-aws's <c>aws_instance_previous_type</c> also lists). Graviton: the arm64 family
/// AWS positions as the equivalent of each x86 family (Compute Optimizer's Graviton recommendations).
/// </summary>
public static class InstanceFamilies
{
    public static readonly IReadOnlyDictionary<string, string> Ec2PreviousGeneration = new Dictionary<string, string>
    {
        ["t1"] = "t3", ["t2"] = "t3", ["m1"] = "m6i", ["m2"] = "r6i", ["m3"] = "m6i", ["m4"] = "m6i",
        ["c1"] = "c6i", ["c3"] = "c6i", ["c4"] = "c6i", ["r3"] = "r6i", ["r4"] = "r6i",
        ["i2"] = "i3", ["d2"] = "d3", ["g2"] = "g4dn", ["g3"] = "g4dn", ["p2"] = "p3",
    };

    public static readonly IReadOnlyDictionary<string, string> Ec2Graviton = new Dictionary<string, string>
    {
        ["t2"] = "t4g", ["t3"] = "t4g", ["t3a"] = "t4g",
        ["m5"] = "m6g", ["m5a"] = "m6g", ["m6i"] = "m7g", ["m6a"] = "m7g", ["m7i"] = "m7g", ["m7a"] = "m7g",
        ["c5"] = "c6g", ["c5a"] = "c6g", ["c6i"] = "c7g", ["c6a"] = "c7g", ["c7i"] = "c7g", ["c7a"] = "c7g",
        ["r5"] = "r6g", ["r5a"] = "r6g", ["r6i"] = "r7g", ["r6a"] = "r7g", ["r7i"] = "r7g", ["r7a"] = "r7g",
    };

    /// <summary>RDS DB instance classes: previous generation per the RDS user guide's "Previous generation DB instance classes".</summary>
    public static readonly IReadOnlyDictionary<string, string> RdsPreviousGeneration = new Dictionary<string, string>
    {
        ["t1"] = "t3", ["t2"] = "t3", ["m1"] = "m6i", ["m2"] = "r6i", ["m3"] = "m6i", ["m4"] = "m6i", ["r3"] = "r6i", ["r4"] = "r6i",
    };

    public static readonly IReadOnlyDictionary<string, string> RdsGraviton = new Dictionary<string, string>
    {
        ["t3"] = "t4g", ["m5"] = "m6g", ["m6i"] = "m7g", ["r5"] = "r6g", ["r6i"] = "r7g",
    };

    /// <summary>"m5.large" → ("m5", "large"); "db.m5.large" → ("m5", "large") with the prefix kept by the caller.</summary>
    public static (string Family, string Size)? Split(string type)
    {
        var t = type.StartsWith("db.", StringComparison.Ordinal) ? type[3..] : type;
        int dot = t.IndexOf('.');
        return dot > 0 ? (t[..dot], t[(dot + 1)..]) : null;
    }

    /// <summary>The same size in the mapped family, e.g. m4.xlarge → m6i.xlarge; null when the family is not mapped.</summary>
    public static string? Equivalent(string type, IReadOnlyDictionary<string, string> map)
    {
        if (Split(type) is not var (family, size) || !map.TryGetValue(family, out var target)) return null;
        return type.StartsWith("db.", StringComparison.Ordinal) ? $"db.{target}.{size}" : $"{target}.{size}";
    }
}
