using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;

namespace DeepDive.Engine.Tests.Workflows;

public sealed class WorkflowJsonTests
{
    private readonly WorkflowJson json = WorkflowTypes.CreateSerializer();

    [Fact]
    public void AllowedTypes_RoundTrip()
    {
        var data = new DeepDiveData { PartnershipId = "p", DeepDiveId = "d", Tasks = [new TaskRef { TaskId = "t", Agency = "csc" }] };
        var back = json.Read(json.Write(data)).Should().BeOfType<DeepDiveData>().Subject;
        back.Tasks.Single().TaskId.Should().Be("t");
    }

    [Fact]
    public void StoredDataNamingAnotherType_IsRefused()
    {
        const string hostile = """{"$type":"System.IO.FileInfo","value":{"fileName":"/etc/passwd"}}""";
        var act = () => json.Read(hostile);
        act.Should().Throw<WorkflowDataRefusedException>().WithMessage("*System.IO.FileInfo*not on the allow-list*");
    }

    [Fact]
    public void WritingATypeNotOnTheList_IsRefused()
    {
        var act = () => json.Write(new Uri("https://example.org"));
        act.Should().Throw<WorkflowDataRefusedException>();
    }
}
