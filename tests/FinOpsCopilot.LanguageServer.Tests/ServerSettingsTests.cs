using System.Text.Json;
using FinOpsCopilot.Core.Model;

namespace FinOpsCopilot.LanguageServer.Tests;

public class ServerSettingsTests
{
    [Fact]
    public void Reads_every_setting_and_ignores_malformed_ones()
    {
        var json = JsonDocument.Parse("""
            { "region": "eu-west-1", "policyPath": "p.yml", "severity": { "tag-missing": "warning", "tag-key-case": "off", "x": 3 },
              "formats": { "terraform": false, "cdk": "nope" }, "debounceMilliseconds": 99999 }
            """).RootElement;
        var s = ServerSettings.From(json);
        Assert.Equal("eu-west-1", s.Region);
        Assert.Equal("p.yml", s.PolicyPath);
        Assert.Equal(Severity.Warning, s.Severities["tag-missing"]);
        Assert.Null(s.Severities["tag-key-case"]);
        Assert.False(s.Severities.ContainsKey("x"));
        Assert.False(s.Analyses(IacFormat.Terraform));
        Assert.True(s.Analyses(IacFormat.CdkCSharp));
        Assert.Equal(5000, s.DebounceMilliseconds);
    }

    [Fact]
    public void Missing_section_is_the_default() => Assert.Same(ServerSettings.Default, ServerSettings.From(null));
}
