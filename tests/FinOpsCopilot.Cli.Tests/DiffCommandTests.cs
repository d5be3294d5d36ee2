using System.Diagnostics;
using System.Text.Json;
using FinOpsCopilot.Cli.Commands;

namespace FinOpsCopilot.Cli.Tests;

/// <summary><c>diff</c> against a commit of a throw-away git repository.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly string _repo = Path.Combine(Path.GetTempPath(), $"finops-diff-test-{Guid.NewGuid():N}");

    private const string Template = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Web:
            Type: AWS::EC2::Instance
            Properties: { InstanceType: t3.micro }
          Spare:
            Type: AWS::EC2::EIP
        """;

    public DiffCommandTests()
    {
        Directory.CreateDirectory(_repo);
        File.WriteAllText(Path.Combine(_repo, "stack.yaml"), Template);
        Git("init", "-q");
        Git("add", ".");
        Git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "base");
    }

    [Fact]
    public void Reports_changed_added_and_removed_resources_with_totals()
    {
        File.WriteAllText(Path.Combine(_repo, "stack.yaml"), Template.Replace("t3.micro", "m5.large").Replace("""
              Spare:
                Type: AWS::EC2::EIP
            """, """
              Nat:
                Type: AWS::EC2::NatGateway
                Properties: { SubnetId: subnet-1 }
            """));
        var stdout = new StringWriter();
        int code = DiffCommand.Run(["--base", "HEAD", "-f", "json", "."], stdout, new StringWriter(), _repo);
        Assert.Equal(ExitCodes.Success, code);
        using var json = JsonDocument.Parse(stdout.ToString());
        var root = json.RootElement;
        Assert.Equal(11.24m, root.GetProperty("before").GetDecimal()); // t3.micro 7.592 + EIP 3.65, rounded
        Assert.Equal(70.08m + 32.85m, root.GetProperty("after").GetDecimal());
        var changes = root.GetProperty("resources").EnumerateArray().Select(r => (r.GetProperty("change").GetString(), r.GetProperty("address").GetString())).ToList();
        Assert.Equal([("added", "Nat"), ("removed", "Spare"), ("changed", "Web")], changes);
        Assert.Equal(91.69m, root.GetProperty("delta").GetDecimal()); // 102.93 − 11.242
    }

    [Fact]
    public void No_change_says_so()
    {
        var stdout = new StringWriter();
        Assert.Equal(ExitCodes.Success, DiffCommand.Run([], stdout, new StringWriter(), _repo));
        Assert.Contains("No resource cost changed.", stdout.ToString());
        Assert.Contains("$11.24 → $11.24 (+$0.00)", stdout.ToString());
    }

    private void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    public void Dispose()
    {
        try { Directory.Delete(_repo, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
