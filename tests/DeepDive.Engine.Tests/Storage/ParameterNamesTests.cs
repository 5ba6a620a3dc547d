using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Tests.Storage;

public sealed class ParameterNamesTests
{
    [Fact]
    public void AsWritten_GivesTheNameWithThePrefixTheTextUses()
    {
        var names = new ParameterNames("UPDATE t SET a = @A, list = @IdList WHERE id = :Id AND b = $B AND c = @c");

        names.AsWritten("A").Should().Be("@A");
        names.AsWritten("Id").Should().Be(":Id", "@IdList is another parameter");
        names.AsWritten("IdList").Should().Be("@IdList");
        names.AsWritten("B").Should().Be("$B");
        names.AsWritten("C").Should().Be("C", "SQLite's parameter names are case-sensitive, so this one is not in the text");
        names.AsWritten("@A").Should().Be("@A");
        names.AsWritten("Missing").Should().Be("Missing");
    }

    [Fact]
    public void AsWritten_LeavesANameTheTextUsesWithTwoPrefixesAsItIs()
    {
        var names = new ParameterNames("SELECT @X, :X");

        names.AsWritten("X").Should().Be("X", "Microsoft.Data.Sqlite then reports the ambiguity itself");
    }

    [Fact]
    public void AsWritten_FindsANameAtTheVeryEndOfTheText()
    {
        new ParameterNames("SELECT id FROM t WHERE id = @Id").AsWritten("Id").Should().Be("@Id");
    }
}
