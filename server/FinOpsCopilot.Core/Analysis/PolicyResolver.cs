using System.Collections.Concurrent;
using FinOpsCopilot.Core.Policy;

namespace FinOpsCopilot.Core.Analysis;

/// <summary>
/// Finds the policy for each analysed file: the named policy file when one is given, otherwise the nearest
/// <c>.finops.yml</c> in the file's folder or above it. Each policy file is read once.
/// </summary>
public sealed class PolicyResolver(string? explicitPolicy = null)
{
    private readonly ConcurrentDictionary<string, FinOpsPolicy> _byDirectory = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FinOpsPolicy> _byFile = new(StringComparer.Ordinal);

    /// <summary>The policy for a file. Throws <see cref="PolicyException"/> when the policy file that applies is broken.</summary>
    public FinOpsPolicy For(string filePath)
    {
        if (explicitPolicy is not null) return Load(Path.GetFullPath(explicitPolicy));
        var directory = Path.GetDirectoryName(Path.GetFullPath(filePath)) ?? "/";
        return ForDirectory(directory);
    }

    /// <summary>The policy for a file, or the empty policy when it is broken (the analysis reports that error once).</summary>
    public FinOpsPolicy ForOrEmpty(string filePath)
    {
        try { return For(filePath); }
        catch (PolicyException) { return FinOpsPolicy.Empty; }
    }

    private FinOpsPolicy ForDirectory(string directory)
    {
        if (_byDirectory.TryGetValue(directory, out var cached)) return cached;
        FinOpsPolicy policy = FinOpsPolicy.Empty;
        bool found = false;
        foreach (var name in PolicyLoader.FileNames)
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate)) { policy = Load(candidate); found = true; break; }
        }
        if (!found && Path.GetDirectoryName(directory) is { } parent) policy = ForDirectory(parent);
        _byDirectory[directory] = policy;
        return policy;
    }

    private FinOpsPolicy Load(string path) => _byFile.GetOrAdd(path, PolicyLoader.Load);
}
