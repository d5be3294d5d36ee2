namespace FinOpsCopilot.Cli.Tests;

/// <summary>Exit codes and streams of the real process, as CI scripts see them.</summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("finops-cli-");

    public void Dispose() => _dir.Delete(true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private const string Policy = "tags:\n  required: [Owner]\nrules:\n  tag-key-case: info\n  s3-abort-incomplete-multipart-missing: info\n";

    [Fact]
    public void Findings_at_error_exit_1_and_clean_runs_exit_0()
    {
        Write(".finops.yml", Policy);
        Write("bad.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
        Write("good/ok.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [{Key: Owner, Value: me}]\n");
        var bad = CliRunner.Process(_dir.FullName, "analyze", "bad.yaml");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("bad.yaml:2:3  error    tag-missing", bad.Stdout);
        Assert.Equal(0, CliRunner.Process(_dir.FullName, "analyze", "good").ExitCode);
        Assert.Equal(0, CliRunner.Process(_dir.FullName, "analyze", "bad.yaml", "--fail-on", "never").ExitCode);
    }

    [Fact]
    public void Fail_on_threshold()
    {
        Write(".finops.yml", Policy);
        Write("case.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [{Key: owner, Value: me}]\n");
        Assert.Equal(0, CliRunner.InProcess(_dir.FullName, "analyze", "case.yaml").ExitCode);
        Assert.Equal(0, CliRunner.InProcess(_dir.FullName, "analyze", "case.yaml", "--fail-on", "warning").ExitCode);
        Assert.Equal(1, CliRunner.InProcess(_dir.FullName, "analyze", "case.yaml", "--fail-on", "info").ExitCode);
    }

    [Theory]
    [InlineData("analyze", "--format", "xml")]
    [InlineData("analyze", "--bogus")]
    [InlineData("analyze", "--format")]
    [InlineData("analyse-this")]
    [InlineData("analyze", "--fail-on", "sometimes")]
    public void Usage_errors_exit_2_with_one_line_reasons(params string[] args)
    {
        var result = CliRunner.Process(_dir.FullName, args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("finops-copilot: ", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void No_arguments_prints_usage_and_exits_2()
    {
        var result = CliRunner.Process(_dir.FullName);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage: finops-copilot", result.Stderr);
    }

    [Fact]
    public void Missing_path_exits_3_after_analysing_the_rest()
    {
        Write(".finops.yml", Policy);
        Write("ok.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [{Key: Owner, Value: me}]\n");
        var result = CliRunner.Process(_dir.FullName, "analyze", "ok.yaml", "missing.yaml");
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("finops-copilot: cannot read 'missing.yaml': no such file or directory", result.Stderr.Trim());
        Assert.Contains("1 file", result.Stdout);
    }

    [Fact]
    public void Broken_policy_exits_2_with_file_line_and_column()
    {
        Write(".finops.yml", "tags:\n  required: [Owner]\n  casesensitive: true\n");
        Write("t.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
        var result = CliRunner.Process(_dir.FullName, "analyze", ".");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(".finops.yml:3:3: unknown key 'casesensitive'", result.Stderr);
    }

    [Fact]
    public void Explicit_policy_option_and_missing_policy()
    {
        Write("strict.yml", "tags:\n  required: [Team]\n");
        Write("t.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
        var result = CliRunner.InProcess(_dir.FullName, "analyze", "t.yaml", "--policy", "strict.yml");
        Assert.Contains("missing required tag: Team", result.Stdout);
        Assert.Equal(3, CliRunner.InProcess(_dir.FullName, "analyze", "t.yaml", "--policy", "nope.yml").ExitCode);
    }

    [Fact]
    public void Skipped_named_files_are_mentioned_on_stderr()
    {
        Write("compose.yml", "services:\n  web:\n    image: nginx\n");
        var result = CliRunner.InProcess(_dir.FullName, "analyze", "compose.yml");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("skipped 'compose.yml': not infrastructure code", result.Stderr);
    }

    [Fact]
    public void A_broken_template_is_a_parse_error_finding_and_the_rest_goes_on()
    {
        Write(".finops.yml", Policy);
        Write("a-broken.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B: [\n");
        Write("b-fine.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
        var result = CliRunner.Process(_dir.FullName, "analyze", ".");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("a-broken.yaml:", result.Stdout);
        Assert.Contains("parse-error", result.Stdout);
        Assert.Contains("b-fine.yaml:2:3  error    tag-missing", result.Stdout);
    }

    [Fact]
    public void Walk_skips_tool_folders()
    {
        Write(".finops.yml", Policy);
        foreach (var skipped in new[] { "node_modules", ".git", "cdk.out", ".terraform", "bin", "obj" })
            Write($"{skipped}/t.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
        var result = CliRunner.InProcess(_dir.FullName, "analyze", ".");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 files", result.Stdout);
    }

    [Fact]
    public void Version_and_help()
    {
        Assert.StartsWith("finops-copilot 0.", CliRunner.InProcess(_dir.FullName, "--version").Stdout);
        Assert.Contains("--fail-on", CliRunner.InProcess(_dir.FullName, "help").Stdout);
    }
}
