using Dapper;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Import;
using DeepDive.Engine.Partnerships;

namespace DeepDive.Engine.Tests.Import;

public sealed class CaseImporterTests : IDisposable
{
    private const string Partnership = "northshire";
    private const string Header = "case_ref,agency,case_type,team,worker,school,opened,closed,involved_agencies";

    private readonly TempSqliteDatabase db = new();
    private readonly CaseImporter importer;
    private readonly CaseStore store;

    public CaseImporterTests()
    {
        importer = new CaseImporter(db.Database, db.Clock);
        store = new CaseStore(db.Database, db.Clock);
    }

    public void Dispose() => db.Dispose();

    private static string Row(
        string caseRef = "CSC-2025-000101", string agency = "csc", string caseType = "child-in-need", string team = "north-assessment",
        string worker = "W-0412", string school = "", string opened = "2025-01-06", string closed = "", string involved = "police;health") =>
        string.Join(",", caseRef, agency, caseType, team, worker, school, opened, closed, involved);

    private static string File(params string[] lines) => string.Join("\n", lines) + "\n";

    private Task<ImportResult> Import(string csv) => importer.ImportAsync(Partnership, new StringReader(csv), CancellationToken.None);

    private static IEnumerable<string> Messages(ImportResult result) => result.Errors.Select(e => e.ToString());

    private async Task<IReadOnlyList<string>> SingleErrorOf(string csv)
    {
        var result = await Import(csv);
        result.Succeeded.Should().BeFalse();
        (await store.CountAsync(Partnership, CancellationToken.None)).Should().Be(0);
        return Messages(result).ToList();
    }

    [Fact]
    public async Task Import_GoodFile_InsertsEveryCaseWithItsValues()
    {
        var result = await Import(File(
            Header,
            Row("CSC-2025-000101", school: "SCH-1042", closed: "2025-06-30"),
            Row("CSC-2025-000102", involved: ""),
            Row("POL-2025-004411", agency: "police", involved: " csc ; health ;; csc ")));

        result.Errors.Should().BeEmpty();
        result.Should().BeEquivalentTo(new { Inserted = 3, Updated = 0, Succeeded = true });
        (await store.CountAsync(Partnership, CancellationToken.None)).Should().Be(3);

        var first = await store.GetAsync(Partnership, "CSC-2025-000101", CancellationToken.None);
        first.Should().NotBeNull();
        first!.Agency.Should().Be("csc");
        first.CaseType.Should().Be("child-in-need");
        first.Team.Should().Be("north-assessment");
        first.Worker.Should().Be("W-0412");
        first.School.Should().Be("SCH-1042");
        first.OpenedOn.Should().Be(new DateTime(2025, 1, 6, 0, 0, 0, DateTimeKind.Utc));
        first.OpenedOn.Kind.Should().Be(DateTimeKind.Utc);
        first.ClosedOn.Should().Be(new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc));
        first.InvolvedAgencies.Should().Equal("police", "health");

        var second = await store.GetAsync(Partnership, "CSC-2025-000102", CancellationToken.None);
        second!.School.Should().BeNull();
        second.ClosedOn.Should().BeNull();
        second.InvolvedAgencies.Should().BeEmpty();

        var third = await store.GetAsync(Partnership, "POL-2025-004411", CancellationToken.None);
        third!.InvolvedAgencies.Should().Equal("csc", "health");
    }

    [Fact]
    public async Task Import_SameReferencesAgain_UpdatesThemInPlace()
    {
        (await Import(File(Header, Row("CSC-2025-000101"), Row("CSC-2025-000102")))).Inserted.Should().Be(2);

        var again = await Import(File(Header, Row("CSC-2025-000101", team: "south-assessment", closed: "2025-09-01"), Row("CSC-2025-000103")));

        again.Should().BeEquivalentTo(new { Inserted = 1, Updated = 1, Succeeded = true });
        (await store.CountAsync(Partnership, CancellationToken.None)).Should().Be(3);
        var updated = await store.GetAsync(Partnership, "CSC-2025-000101", CancellationToken.None);
        updated!.Team.Should().Be("south-assessment");
        updated.ClosedOn.Should().Be(new DateTime(2025, 9, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Import_HeaderInAnyCaseAndOrderWithOptionalColumnsLeftOut_IsRead()
    {
        var result = await Import(File(
            " Opened , CASE_REF,Worker,agency,Case_Type,team",
            "2025-02-03 ,  CSC-2025-000200 ,W-7,csc,child-protection,  east  "));

        result.Errors.Should().BeEmpty();
        var c = await store.GetAsync(Partnership, "CSC-2025-000200", CancellationToken.None);
        c.Should().BeEquivalentTo(new { CaseRef = "CSC-2025-000200", Agency = "csc", CaseType = "child-protection", Team = "east", Worker = "W-7", School = (string?)null });
        c!.OpenedOn.Should().Be(new DateTime(2025, 2, 3, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Import_QuotedValues_FollowRfc4180AndLinesAreCountedPhysically()
    {
        var csv = "case_ref,agency,case_type,team,worker,school,opened,closed,involved_agencies\r\n"
            + "CSC-2025-000101,csc,child-in-need,\"North, Assessment\",W-1,\"St Mary's \"\"Upper\"\" School\",2025-01-06,,\"police;health\"\r\n"
            + "CSC-2025-000102,csc,child-in-need,\"Team\r\nwith a line break\",W-2,,2025-01-06,,\r\n"
            + "\r\n"
            + "CSC-2025-000103,csc,child-in-need,north,W-3,,06/01/2025,,\r\n";

        var result = await Import(csv);

        Messages(result).Should().Equal("line 6, column opened: '06/01/2025' is not a date in the form yyyy-MM-dd");
    }

    [Fact]
    public async Task Import_QuotedValues_KeepTheirCommasAndQuotes()
    {
        var csv = Header + "\n"
            + "CSC-2025-000101,csc,child-in-need,\"North, Assessment\",W-1,\"St Mary's \"\"Upper\"\" School\",2025-01-06,,\"police;health\"\n";

        (await Import(csv)).Errors.Should().BeEmpty();

        var c = await store.GetAsync(Partnership, "CSC-2025-000101", CancellationToken.None);
        c!.Team.Should().Be("North, Assessment");
        c.School.Should().Be("St Mary's \"Upper\" School");
        c.InvolvedAgencies.Should().Equal("police", "health");
    }

    [Fact]
    public async Task Import_MissingRequiredColumn_IsOneErrorOnLine1()
    {
        var errors = await SingleErrorOf(File(
            "case_ref,agency,case_type,team,school,opened",
            "CSC-2025-000101,csc,child-in-need,north,,2025-01-06"));

        errors.Should().Equal("line 1, column worker: missing column");
    }

    [Fact]
    public async Task Import_UnknownColumn_NamesTheKnownColumns()
    {
        var errors = await SingleErrorOf(File(Header + ",child_name", Row() + ",Jane Doe"));

        errors.Should().Equal(
            "line 1, column child_name: unknown column; the known columns are case_ref, agency, case_type, team, worker, school, opened, closed, involved_agencies, family_ref, age_band, tags");
    }

    [Fact]
    public async Task Import_RepeatedColumn_IsAnError()
    {
        var errors = await SingleErrorOf(File(Header + ",Agency", Row() + ",csc"));

        errors.Should().Equal("line 1, column agency: the column appears more than once");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public async Task Import_EmptyFile_IsAnError(string csv)
    {
        var errors = await SingleErrorOf(csv);

        errors.Should().Equal(
            "line 1, column header: the file is empty; its first line must name the columns: case_ref, agency, case_type, team, worker, school, opened, closed, involved_agencies, family_ref, age_band, tags");
    }

    [Fact]
    public async Task Import_HeaderOnly_ImportsNothingAndSucceeds()
    {
        var result = await Import(File(Header));

        result.Should().BeEquivalentTo(new { Inserted = 0, Updated = 0, Succeeded = true });
    }

    [Theory]
    [InlineData("case_ref")]
    [InlineData("agency")]
    [InlineData("case_type")]
    [InlineData("team")]
    [InlineData("worker")]
    [InlineData("opened")]
    public async Task Import_EmptyRequiredValue_IsAnErrorInThatColumn(string column)
    {
        var row = column switch
        {
            "case_ref" => Row(caseRef: "  "),
            "agency" => Row(agency: ""),
            "case_type" => Row(caseType: ""),
            "team" => Row(team: ""),
            "worker" => Row(worker: " "),
            _ => Row(opened: ""),
        };

        var errors = await SingleErrorOf(File(Header, Row("CSC-2025-000001"), row));

        errors.Should().Equal($"line 3, column {column}: a value is required");
    }

    [Theory]
    [InlineData("opened", "06/01/2025")]
    [InlineData("opened", "2025-02-30")]
    [InlineData("closed", "2025-1-6")]
    [InlineData("closed", "2025-07-01T00:00:00Z")]
    public async Task Import_DateNotInIsoForm_IsAnError(string column, string value)
    {
        var row = column == "opened" ? Row(opened: value) : Row(closed: value);

        var errors = await SingleErrorOf(File(Header, row));

        errors.Should().Equal($"line 2, column {column}: '{value}' is not a date in the form yyyy-MM-dd");
    }

    [Fact]
    public async Task Import_ClosedBeforeOpened_IsAnError()
    {
        var errors = await SingleErrorOf(File(Header, Row(opened: "2025-03-10", closed: "2025-03-09")));

        errors.Should().Equal("line 2, column closed: closed 2025-03-09 is before opened 2025-03-10");
    }

    [Fact]
    public async Task Import_ClosedOnTheDayItOpened_IsAccepted()
    {
        (await Import(File(Header, Row(opened: "2025-03-10", closed: "2025-03-10")))).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Import_CaseRefWithASpace_IsRejectedAsPossiblyAName()
    {
        var errors = await SingleErrorOf(File(Header, Row("Jane Smith")));

        errors.Should().Equal(
            "line 2, column case_ref: contains a space, so it may be a name; use the agency's pseudonymised case reference (such as CSC-2025-000123), never a name");
        errors.Single().Should().NotContain("Jane");
    }

    [Fact]
    public async Task Import_DuplicateCaseRef_IsAnErrorOnTheSecondLine()
    {
        var errors = await SingleErrorOf(File(Header, Row("CSC-2025-000101"), Row("CSC-2025-000102"), Row("CSC-2025-000101", team: "west")));

        errors.Should().Equal("line 4, column case_ref: CSC-2025-000101 is already on line 2; each case_ref may appear only once in a file");
    }

    [Fact]
    public async Task Import_RowWithTooFewValues_IsAnError()
    {
        var errors = await SingleErrorOf(File(Header, "CSC-2025-000101,csc,child-in-need,north,W-1,,2025-01-06"));

        errors.Should().Equal("line 2, column closed: the row has 7 values but the header has 9 columns");
    }

    [Fact]
    public async Task Import_RowWithAValueBeyondTheHeader_IsAnError()
    {
        var errors = await SingleErrorOf(File(Header, Row() + ",extra"));

        errors.Should().Equal("line 2, column 10: the row has 10 values but the header has 9 columns");
    }

    [Fact]
    public async Task Import_EmptyTrailingColumnsAndSeparatorOnlyLines_AreIgnored()
    {
        var result = await Import(File(Header + ",", Row() + ",", ",,,,,,,,,"));

        result.Errors.Should().BeEmpty();
        result.Inserted.Should().Be(1);
    }

    [Fact]
    public async Task Import_StrayQuote_IsReportedInItsColumn()
    {
        var errors = await SingleErrorOf(File(Header, Row(), Row("CSC-2025-000102", team: "north \"a\" team")));

        errors.Should().Equal(
            "line 3, column team: a quote inside a value that does not start with one; put the whole value in quotes and double each quote inside it");
    }

    [Fact]
    public async Task Import_EveryBadCell_IsReportedInLineOrder()
    {
        var errors = await SingleErrorOf(File(
            Header,
            Row("CSC-2025-000101", agency: "", opened: "yesterday"),
            Row("CSC-2025-000102"),
            Row("CSC-2025-000103", worker: "", opened: "2025-05-01", closed: "2025-04-01")));

        errors.Should().Equal(
            "line 2, column agency: a value is required",
            "line 2, column opened: 'yesterday' is not a date in the form yyyy-MM-dd",
            "line 4, column worker: a value is required",
            "line 4, column closed: closed 2025-04-01 is before opened 2025-05-01");
    }

    [Fact]
    public async Task Import_OneBadLineAmongGoodOnes_WritesNothing()
    {
        var rows = Enumerable.Range(1, 50).Select(i => Row($"CSC-2025-{i:D6}", opened: i == 37 ? "2025-13-01" : "2025-01-06"));

        var result = await Import(File([Header, .. rows]));

        Messages(result).Should().Equal("line 38, column opened: '2025-13-01' is not a date in the form yyyy-MM-dd");
        result.Inserted.Should().Be(0);
        (await store.CountAsync(Partnership, CancellationToken.None)).Should().Be(0);
        (await new PartnershipStore(db.Database, db.Clock).ExistsAsync(Partnership, CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public async Task Import_BadFileAfterAGoodOne_LeavesTheRegisterUnchanged()
    {
        (await Import(File(Header, Row("CSC-2025-000101", team: "north"), Row("CSC-2025-000102")))).Succeeded.Should().BeTrue();

        var result = await Import(File(Header, Row("CSC-2025-000101", team: "changed"), Row("CSC-2025-000103"), Row("CSC-2025-000104", agency: "")));

        result.Succeeded.Should().BeFalse();
        (await store.CountAsync(Partnership, CancellationToken.None)).Should().Be(2);
        (await store.GetAsync(Partnership, "CSC-2025-000101", CancellationToken.None))!.Team.Should().Be("north");
        (await store.GetAsync(Partnership, "CSC-2025-000103", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Import_CreatesThePartnershipNamedByItsId_AndKeepsAnExistingName()
    {
        var partnerships = new PartnershipStore(db.Database, db.Clock);
        await partnerships.EnsureAsync("eastshire", "Eastshire Safeguarding Children Partnership", CancellationToken.None);

        (await Import(File(Header, Row()))).Succeeded.Should().BeTrue();
        (await importer.ImportAsync("eastshire", new StringReader(File(Header, Row())), CancellationToken.None)).Succeeded.Should().BeTrue();

        (await partnerships.ExistsAsync(Partnership, CancellationToken.None)).Should().BeTrue();
        await using var connection = await db.Database.OpenAsync(CancellationToken.None);
        var names = await connection.QueryAsync<(string Id, string Name)>("SELECT id, name FROM partnership ORDER BY id");
        names.Should().Equal(("eastshire", "Eastshire Safeguarding Children Partnership"), (Partnership, Partnership));
    }

    [Fact]
    public async Task Import_KeepsEachPartnershipsCasesApart()
    {
        await Import(File(Header, Row("CSC-2025-000101"), Row("CSC-2025-000102")));
        var other = await importer.ImportAsync("eastshire", new StringReader(File(Header, Row("CSC-2025-000101"))), CancellationToken.None);

        other.Should().BeEquivalentTo(new { Inserted = 1, Updated = 0 });
        (await store.CountAsync(Partnership, CancellationToken.None)).Should().Be(2);
        (await store.CountAsync("eastshire", CancellationToken.None)).Should().Be(1);
        (await store.GetAsync("eastshire", "CSC-2025-000102", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Import_TheExampleFile_ImportsTenCases()
    {
        using var csv = new StreamReader(Path.Combine(RepositoryRoot.Find(), "examples", "cases.csv"));

        var result = await importer.ImportAsync(Partnership, csv, CancellationToken.None);

        result.Errors.Should().BeEmpty();
        result.Inserted.Should().Be(10);
    }
}
