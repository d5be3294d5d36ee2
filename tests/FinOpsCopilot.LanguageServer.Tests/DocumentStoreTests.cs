using FinOpsCopilot.LanguageServer.Protocol;

namespace FinOpsCopilot.LanguageServer.Tests;

public class DocumentStoreTests
{
    private static TextDocumentContentChangeEvent Edit(int l1, int c1, int l2, int c2, string text) =>
        new(new Protocol.Range(new Position(l1, c1), new Position(l2, c2)), text);

    [Fact]
    public void Incremental_changes_apply_in_order()
    {
        var store = new DocumentStore();
        store.Open("file:///t.yaml", 1, "a: 1\nb: 2\n");
        store.Change("file:///t.yaml", 2, [Edit(1, 3, 1, 4, "20"), Edit(0, 0, 0, 0, "# top\n")]);
        var doc = store.Get("file:///t.yaml")!;
        Assert.Equal("# top\na: 1\nb: 20\n", doc.Text);
        Assert.Equal(2, doc.Version);
    }

    [Fact]
    public void Positions_are_utf16_and_crlf_aware()
    {
        var store = new DocumentStore();
        store.Open("file:///t.yaml", 1, "k: 😀x\r\nnext: y\r\n");
        // "😀" is two UTF-16 units: character 5 is "x".
        store.Change("file:///t.yaml", 2, [Edit(0, 5, 0, 6, "z"), Edit(1, 6, 1, 7, "w")]);
        Assert.Equal("k: 😀z\r\nnext: w\r\n", store.Get("file:///t.yaml")!.Text);
    }

    [Fact]
    public void Full_text_change_and_close()
    {
        var store = new DocumentStore();
        store.Open("file:///t.yaml", 1, "old");
        store.Change("file:///t.yaml", 2, [new TextDocumentContentChangeEvent(null, "new")]);
        Assert.Equal("new", store.Get("file:///t.yaml")!.Text);
        store.Close("file:///t.yaml");
        Assert.Null(store.Get("file:///t.yaml"));
        Assert.Null(store.Change("file:///t.yaml", 3, [new TextDocumentContentChangeEvent(null, "x")]));
    }

    [Fact]
    public void Concurrent_changes_to_different_documents_are_safe()
    {
        var store = new DocumentStore();
        for (int d = 0; d < 50; d++) store.Open($"file:///d{d}.yaml", 0, "");
        Parallel.For(0, 50, d =>
        {
            for (int v = 1; v <= 100; v++) store.Change($"file:///d{d}.yaml", v, [Edit(0, 0, 0, 0, "x")]);
        });
        Assert.All(store.All, doc => Assert.Equal(new string('x', 100), doc.Text));
    }

    [Theory]
    [InlineData("file:///home/me/a%20b/t.yaml", "/home/me/a b/t.yaml")]
    [InlineData("untitled:Untitled-1", "untitled:Untitled-1")]
    public void Uris_map_to_paths(string uri, string path) => Assert.Equal(path, DocumentUris.ToPath(uri));
}
