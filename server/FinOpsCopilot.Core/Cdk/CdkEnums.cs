using System.Globalization;

namespace FinOpsCopilot.Core.Cdk;

/// <summary>CDK enum members and static values as the CloudFormation strings and numbers they synthesize to.</summary>
internal static class CdkEnums
{
    private static readonly Dictionary<string, string> InstanceClasses = new(StringComparer.Ordinal)
    {
        ["STANDARD3"] = "m3", ["STANDARD4"] = "m4", ["STANDARD5"] = "m5", ["STANDARD5_AMD"] = "m5a", ["STANDARD5_NVME_DRIVE"] = "m5d",
        ["STANDARD5_AMD_NVME_DRIVE"] = "m5ad", ["STANDARD6_INTEL"] = "m6i", ["STANDARD6_AMD"] = "m6a", ["STANDARD6_GRAVITON"] = "m6g",
        ["STANDARD6_INTEL_NVME_DRIVE"] = "m6id", ["STANDARD7_INTEL"] = "m7i", ["STANDARD7_AMD"] = "m7a", ["STANDARD7_GRAVITON"] = "m7g",
        ["STANDARD8_INTEL"] = "m8i", ["STANDARD8_GRAVITON"] = "m8g",
        ["BURSTABLE2"] = "t2", ["BURSTABLE3"] = "t3", ["BURSTABLE3_AMD"] = "t3a", ["BURSTABLE4_GRAVITON"] = "t4g",
        ["MEMORY3"] = "r3", ["MEMORY4"] = "r4", ["MEMORY5"] = "r5", ["MEMORY5_AMD"] = "r5a", ["MEMORY5_NVME_DRIVE"] = "r5d",
        ["MEMORY6_INTEL"] = "r6i", ["MEMORY6_AMD"] = "r6a", ["MEMORY6_GRAVITON"] = "r6g", ["MEMORY7_GRAVITON"] = "r7g",
        ["MEMORY7_INTEL"] = "r7i", ["MEMORY8_GRAVITON"] = "r8g",
        ["COMPUTE3"] = "c3", ["COMPUTE4"] = "c4", ["COMPUTE5"] = "c5", ["COMPUTE5_AMD"] = "c5a", ["COMPUTE5_NVME_DRIVE"] = "c5d",
        ["COMPUTE6_INTEL"] = "c6i", ["COMPUTE6_AMD"] = "c6a", ["COMPUTE6_GRAVITON2"] = "c6g", ["COMPUTE7_GRAVITON3"] = "c7g",
        ["COMPUTE7_INTEL"] = "c7i", ["COMPUTE7_AMD"] = "c7a", ["COMPUTE8_GRAVITON4"] = "c8g",
        ["STORAGE3"] = "d2", ["STORAGE3_ENHANCED_NETWORK"] = "d3en", ["IO3"] = "i3", ["IO3_DENSE_NVME_DRIVE"] = "i3en",
        ["GRAPHICS4_NVIDIA_ACCELERATOR"] = "g4dn", ["GRAPHICS5"] = "g5", ["INFERENCE1"] = "inf1", ["INFERENCE2"] = "inf2",
        ["PARALLEL3"] = "p3", ["PARALLEL4"] = "p4d", ["PARALLEL5"] = "p5", ["HIGH_COMPUTE_MEMORY1"] = "z1d", ["MEMORY_INTENSIVE_1"] = "x1",
    };

    private static readonly Dictionary<string, string> Sizes = new(StringComparer.Ordinal)
    {
        ["NANO"] = "nano", ["MICRO"] = "micro", ["SMALL"] = "small", ["MEDIUM"] = "medium", ["LARGE"] = "large",
        ["XLARGE"] = "xlarge", ["METAL"] = "metal",
    };

    private static readonly Dictionary<string, int> RetentionDays = new(StringComparer.Ordinal)
    {
        ["ONE_DAY"] = 1, ["THREE_DAYS"] = 3, ["FIVE_DAYS"] = 5, ["ONE_WEEK"] = 7, ["TWO_WEEKS"] = 14, ["ONE_MONTH"] = 30,
        ["TWO_MONTHS"] = 60, ["THREE_MONTHS"] = 90, ["FOUR_MONTHS"] = 120, ["FIVE_MONTHS"] = 150, ["SIX_MONTHS"] = 180,
        ["ONE_YEAR"] = 365, ["THIRTEEN_MONTHS"] = 400, ["EIGHTEEN_MONTHS"] = 545, ["TWO_YEARS"] = 731, ["THREE_YEARS"] = 1096,
        ["FIVE_YEARS"] = 1827, ["SIX_YEARS"] = 2192, ["SEVEN_YEARS"] = 2557, ["EIGHT_YEARS"] = 2922, ["NINE_YEARS"] = 3288,
        ["TEN_YEARS"] = 3653,
    };

    /// <summary><c>InstanceClass.BURSTABLE3</c> or the alias <c>InstanceClass.T3</c> → <c>t3</c>.</summary>
    public static string? InstanceFamily(string member) =>
        InstanceClasses.TryGetValue(member, out var f) ? f
        : member.Length is >= 2 and <= 6 && char.IsAsciiLetterUpper(member[0]) && char.IsAsciiDigit(member[1]) && member.All(char.IsAsciiLetterOrDigit)
            ? member.ToLowerInvariant()
            : null;

    /// <summary><c>InstanceSize.XLARGE2</c> → <c>2xlarge</c>.</summary>
    public static string? InstanceSize(string member)
    {
        if (Sizes.TryGetValue(member, out var s)) return s;
        if (member.StartsWith("XLARGE", StringComparison.Ordinal) && int.TryParse(member.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return n + "xlarge";
        if (member.StartsWith("METAL_", StringComparison.Ordinal)) return "metal-" + member[6..].ToLowerInvariant().Replace('_', '-');
        return null;
    }

    /// <summary><c>RetentionDays.ONE_WEEK</c> → 7; <c>INFINITE</c> → null (never expires).</summary>
    public static int? Retention(string member, out bool known)
    {
        known = member == "INFINITE" || RetentionDays.ContainsKey(member);
        return RetentionDays.TryGetValue(member, out var d) ? d : null;
    }

    /// <summary><c>Runtime.NODEJS_20_X</c> → <c>nodejs20.x</c>, <c>PYTHON_3_12</c> → <c>python3.12</c>, <c>DOTNET_8</c> → <c>dotnet8</c>.</summary>
    public static string Runtime(string member)
    {
        var parts = member.ToLowerInvariant().Split('_');
        return parts[0] switch
        {
            "nodejs" => "nodejs" + string.Join(".", parts.Skip(1)),
            "python" => "python" + string.Join(".", parts.Skip(1)),
            "provided" => parts.Length > 1 ? "provided." + string.Join("", parts.Skip(1)) : "provided",
            _ => string.Join("", parts),
        };
    }

    /// <summary><c>RemovalPolicy.RETAIN</c> → the <c>DeletionPolicy</c> it synthesizes.</summary>
    public static string? DeletionPolicy(string member) => member switch
    {
        "RETAIN" => "Retain",
        "DESTROY" => "Delete",
        "SNAPSHOT" => "Snapshot",
        "RETAIN_ON_UPDATE_OR_DELETE" => "RetainExceptOnCreate",
        _ => null,
    };

    /// <summary><c>StorageType.GP3</c> → <c>gp3</c>; <c>EbsDeviceVolumeType.GP3</c> → <c>gp3</c>.</summary>
    public static string Lower(string member) => member.ToLowerInvariant().Replace("_", "-", StringComparison.Ordinal);
}
