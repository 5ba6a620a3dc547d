using DeepDive.Domain.Auditors;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Import;

namespace DeepDive.Engine.Tests.Import;

public sealed class AuditorImporterTests : IDisposable
{
    private const string Partnership = "northshire";
    private const string Header = "auditor_id,name,agency,team,skills,monthly_capacity";

    private readonly TempSqliteDatabase db = new();
    private readonly AuditorImporter importer;
    private readonly AuditorStore store;

    public AuditorImporterTests()
    {
        importer = new AuditorImporter(db.Database, db.Clock);
        store = new AuditorStore(db.Database, db.Clock);
    }

    public void Dispose() => db.Dispose();

    private static string File(params string[] lines) => string.Join("\n", lines) + "\n";

    private Task<ImportResult> Import(string csv) => importer.ImportAsync(Partnership, new StringReader(csv), CancellationToken.None);

    private async Task<IReadOnlyList<string>> ErrorsOf(string csv)
    {
        var result = await Import(csv);
        result.Succeeded.Should().BeFalse();
        (await store.ListAsync(Partnership, CancellationToken.None)).Should().BeEmpty();
        return result.Errors.Select(e => e.ToString()).ToList();
    }

    [Fact]
    public async Task Import_GoodFile_InsertsEveryAuditorWithTheirValues()
    {
        var result = await Import(File(
            Header,
            "AUD-002,Sam Okafor,police,public-protection,,2",
            "AUD-001,Priya Shah,csc,quality-assurance,\"education; health\",4"));

        result.Should().BeEquivalentTo(new { Inserted = 2, Updated = 0, Succeeded = true });
        (await store.ListAsync(Partnership, CancellationToken.None)).Should().BeEquivalentTo(
            new[]
            {
                new Auditor("AUD-001", "Priya Shah", "csc", "quality-assurance", ["education", "health"], 4),
                new Auditor("AUD-002", "Sam Okafor", "police", "public-protection", [], 2),
            },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Import_SameIdsAgain_UpdatesThem()
    {
        await Import(File(Header, "AUD-001,Priya Shah,csc,quality-assurance,education,4"));

        var again = await Import(File(Header, "AUD-001,Priya Shah,csc,safeguarding-unit,education;health,6", "AUD-003,Lee Brown,health,named-nurses,health,3"));

        again.Should().BeEquivalentTo(new { Inserted = 1, Updated = 1, Succeeded = true });
        var priya = (await store.ListAsync(Partnership, CancellationToken.None)).Single(a => a.AuditorId == "AUD-001");
        priya.Team.Should().Be("safeguarding-unit");
        priya.Skills.Should().Equal("education", "health");
        priya.MonthlyCapacity.Should().Be(6);
    }

    [Theory]
    [InlineData("ten", "'ten' is not a whole number")]
    [InlineData("2.5", "'2.5' is not a whole number")]
    [InlineData("-1", "-1 is outside the range 0 to 100")]
    [InlineData("101", "101 is outside the range 0 to 100")]
    [InlineData("", "a value is required")]
    public async Task Import_BadMonthlyCapacity_IsAnError(string capacity, string reason)
    {
        var errors = await ErrorsOf(File(Header, "AUD-001,Priya Shah,csc,qa,,4", $"AUD-002,Sam Okafor,police,ppu,,{capacity}"));

        errors.Should().Equal($"line 3, column monthly_capacity: {reason}");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    public async Task Import_MonthlyCapacityAtTheEndsOfTheRange_IsAccepted(string capacity)
    {
        (await Import(File(Header, $"AUD-001,Priya Shah,csc,qa,,{capacity}"))).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Import_DuplicateAuditorId_IsAnErrorOnTheSecondLine()
    {
        var errors = await ErrorsOf(File(Header, "AUD-001,Priya Shah,csc,qa,,4", "AUD-002,Sam Okafor,police,ppu,,2", "AUD-001,Priya Shah,csc,qa,,5"));

        errors.Should().Equal("line 4, column auditor_id: AUD-001 is already on line 2; each auditor_id may appear only once in a file");
    }

    [Fact]
    public async Task Import_EmptyRequiredValues_AreErrorsInTheirColumns()
    {
        var errors = await ErrorsOf(File(Header, ",,csc,,,4"));

        errors.Should().Equal(
            "line 2, column auditor_id: a value is required",
            "line 2, column name: a value is required",
            "line 2, column team: a value is required");
    }

    [Fact]
    public async Task Import_MissingColumns_AreErrorsOnLine1()
    {
        var errors = await ErrorsOf(File("auditor_id,name,agency,skills", "AUD-001,Priya Shah,csc,"));

        errors.Should().Equal("line 1, column team: missing column", "line 1, column monthly_capacity: missing column");
    }

    [Fact]
    public async Task Import_UnknownColumn_NamesTheKnownColumns()
    {
        var errors = await ErrorsOf(File(Header + ",phone", "AUD-001,Priya Shah,csc,qa,,4,01234 567890"));

        errors.Should().Equal("line 1, column phone: unknown column; the known columns are auditor_id, name, agency, team, skills, monthly_capacity, manager, email");
    }

    [Fact]
    public async Task Import_Email_IsStored_AnInvalidOneIsRefused_AndAFileWithoutTheColumnKeepsIt()
    {
        var errors = await ErrorsOf(File(Header + ",email", "AUD-001,Priya Shah,csc,qa,,4,not an address"));
        errors.Should().Equal("line 2, column email: 'not an address' is not an email address");

        using var sqlite = DeepDive.Engine.Tests.Support.SqliteDatabase.CreateMigrated();
        var importer = new AuditorImporter(sqlite.Database, new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        (await importer.ImportAsync("p", new StringReader(File(Header + ",email", "AUD-001,Priya Shah,csc,qa,,4,priya@example.org")), CancellationToken.None)).Errors.Should().BeEmpty();
        (await importer.ImportAsync("p", new StringReader(File(Header, "AUD-001,Priya Shah,csc,qa,,5")), CancellationToken.None)).Errors.Should().BeEmpty();

        var stored = (await new DeepDive.Engine.Auditors.AuditorStore(sqlite.Database, TimeProvider.System).ListAsync("p", CancellationToken.None)).Single();
        stored.Email.Should().Be("priya@example.org");
        stored.MonthlyCapacity.Should().Be(5);
    }

    [Fact]
    public async Task Import_OneBadLineAmongGoodOnes_WritesNothingAndKeepsEarlierImport()
    {
        await Import(File(Header, "AUD-001,Priya Shah,csc,qa,,4"));

        var result = await Import(File(Header, "AUD-001,Priya Shah,csc,qa,,9", "AUD-002,Sam Okafor,police,ppu,,lots", "AUD-003,Lee Brown,health,nurses,,3"));

        result.Succeeded.Should().BeFalse();
        result.Inserted.Should().Be(0);
        (await store.ListAsync(Partnership, CancellationToken.None)).Should().ContainSingle()
            .Which.MonthlyCapacity.Should().Be(4);
    }

    [Fact]
    public async Task Import_TheExampleFile_ImportsSixAuditors()
    {
        using var csv = new StreamReader(Path.Combine(RepositoryRoot.Find(), "examples", "auditors.csv"));

        var result = await importer.ImportAsync(Partnership, csv, CancellationToken.None);

        result.Errors.Should().BeEmpty();
        result.Inserted.Should().Be(6);
    }

    [Fact]
    public async Task Import_ManagerColumn_StoresEachAuditorsLineManager()
    {
        var result = await Import(File(Header + ",manager", "AUD-001,Priya Shah,csc,qa,,4,", "AUD-002,Sam Okafor,police,ppu,,2,AUD-001", "AUD-003,Lee Brown,health,nurses,,3,W-0412"));

        result.Succeeded.Should().BeTrue();
        (await store.ListAsync(Partnership, CancellationToken.None)).Select(a => a.Manager).Should().Equal(null, "AUD-001", "W-0412");
    }

    [Fact]
    public async Task Import_WithoutTheManagerColumn_KeepsStoredManagers_WhileAnEmptyValueClearsOne()
    {
        await Import(File(Header + ",manager", "AUD-001,Priya Shah,csc,qa,,4,W-0001", "AUD-002,Sam Okafor,police,ppu,,2,W-0002"));

        (await Import(File(Header, "AUD-001,Priya Shah,csc,qa-2,,5"))).Succeeded.Should().BeTrue();
        (await Import(File(Header + ",manager", "AUD-002,Sam Okafor,police,ppu,,2,"))).Succeeded.Should().BeTrue();

        var auditors = await store.ListAsync(Partnership, CancellationToken.None);
        auditors[0].Should().BeEquivalentTo(new { Team = "qa-2", MonthlyCapacity = 5, Manager = "W-0001" });
        auditors[1].Manager.Should().BeNull();
    }

    [Fact]
    public async Task Import_BadManager_IsAnErrorInItsColumn()
    {
        var errors = await ErrorsOf(File(Header + ",manager", "AUD-001,Priya Shah,csc,qa,,4,aud-001", "AUD-002,Sam Okafor,police,ppu,,2,Priya Shah"));

        errors.Should().Equal(
            "line 2, column manager: AUD-001 cannot be their own line manager",
            "line 3, column manager: 'Priya Shah' is not a staff id: give the manager's id, such as AUD-001 or W-0412, not a name");
    }
}
