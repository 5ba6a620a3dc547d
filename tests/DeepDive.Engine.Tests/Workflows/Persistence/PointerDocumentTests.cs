using System.Text.Json;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using FluentAssertions;
using WorkflowCore.Models;
using Xunit;

namespace DeepDive.Engine.Tests.Workflows.Persistence;

/// <summary>
/// Execution pointers as stored JSON. The documents below were written by the earlier writer, which built a document
/// tree; the streaming writer must read them and write the same text, or every pointer stored before would look changed.
/// </summary>
public sealed class PointerDocumentTests
{
    private const string Rich = """
        {"id":"p1","position":5,"stepId":3,"active":true,"sleepUntil":639079542000000000,"persistenceData":{"$type":"WorkflowCore.Models.ControlPersistenceData","value":{"childrenActive":true}},"startTime":639055296000000000,"endTime":null,"eventName":"task-submitted","eventKey":"dd-1/csc \u0022quoted\u0022 \u00E9","eventPublished":true,"eventData":{"$type":"System.String","value":"some \u003Cdata\u003E \u0026 more"},"extensions":{"attempt":{"$type":"System.Int32","value":7},"note":{"$type":"System.String","value":"x"}},"stepName":"Wait for CSC","retryCount":2,"children":["c1","c2"],"contextItem":{"$type":"System.Int64","value":42},"predecessorId":"p0","outcome":{"$type":"System.Boolean","value":true},"status":5,"scope":["s1"]}
        """;

    private const string Bare = """
        {"id":"p2","position":0,"stepId":0,"active":false,"sleepUntil":null,"persistenceData":null,"startTime":null,"endTime":null,"eventName":null,"eventKey":null,"eventPublished":false,"eventData":null,"extensions":{},"stepName":null,"retryCount":0,"children":[],"contextItem":null,"predecessorId":null,"outcome":null,"status":0,"scope":[]}
        """;

    private readonly WorkflowJson json = WorkflowTypes.CreateSerializer();

    [Fact]
    public void A_stored_document_reads_back_every_member_and_writes_the_same_text()
    {
        var (pointer, position) = PointerDocument.Read(Rich, json);

        position.Should().Be(5);
        pointer.Id.Should().Be("p1");
        pointer.StepId.Should().Be(3);
        pointer.Active.Should().BeTrue();
        pointer.SleepUntil.Should().Be(new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc));
        pointer.PersistenceData.Should().BeOfType<ControlPersistenceData>().Which.ChildrenActive.Should().BeTrue();
        pointer.StartTime.Should().Be(new DateTime(2026, 2, 1, 8, 0, 0, DateTimeKind.Utc));
        pointer.EndTime.Should().BeNull();
        pointer.EventName.Should().Be("task-submitted");
        pointer.EventKey.Should().Be("dd-1/csc \"quoted\" é");
        pointer.EventPublished.Should().BeTrue();
        pointer.EventData.Should().Be("some <data> & more");
        pointer.StepName.Should().Be("Wait for CSC");
        pointer.RetryCount.Should().Be(2);
        pointer.Children.Should().Equal("c1", "c2");
        pointer.ContextItem.Should().Be(42L);
        pointer.PredecessorId.Should().Be("p0");
        pointer.Outcome.Should().Be(true);
        pointer.Status.Should().Be(PointerStatus.WaitingForEvent);
        pointer.Scope.Should().Equal("s1");
        pointer.ExtensionAttributes.Should().BeEquivalentTo(new Dictionary<string, object> { ["attempt"] = 7, ["note"] = "x" });

        PointerDocument.Write(pointer, position, json).Should().Be(Rich);
    }

    [Fact]
    public void A_new_pointer_is_written_as_before_and_reads_back_the_same()
    {
        PointerDocument.Write(new ExecutionPointer { Id = "p2", StepId = 0 }, 0, json).Should().Be(Bare);
        var (back, position) = PointerDocument.Read(Bare, json);
        position.Should().Be(0);
        PointerDocument.Write(back, position, json).Should().Be(Bare);
    }

    [Fact]
    public void Members_in_another_order_and_unknown_members_are_read()
    {
        const string reordered = """
            {"scope":[],"future":{"x":[1,2]},"aMemberNameLongerThanAnyOfOurs":"x","st\u0061tus":2,
             "eventData":{"value":"late type","$type":"System.String"},"id":"p3","stepId":4,
             "active":true,"eventPublished":false,"retryCount":0,"children":[],"extensions":{}}
            """;

        var (pointer, position) = PointerDocument.Read(reordered, json);

        pointer.Id.Should().Be("p3");
        pointer.StepId.Should().Be(4);
        pointer.Status.Should().Be(PointerStatus.Running, "an escaped member name is read by what it spells");
        pointer.EventData.Should().Be("late type");
        position.Should().Be(0, "a document from before positions were stored reads as position 0");
    }

    [Fact]
    public void A_document_naming_a_type_off_the_allow_list_is_refused()
    {
        var hostile = Bare.Replace("\"contextItem\":null", "\"contextItem\":{\"$type\":\"System.IO.FileInfo\",\"value\":{\"fileName\":\"/etc/passwd\"}}", StringComparison.Ordinal);

        var act = () => PointerDocument.Read(hostile, json);

        act.Should().Throw<WorkflowDataRefusedException>().WithMessage("*System.IO.FileInfo*not on the allow-list*");
    }

    [Fact]
    public void A_type_name_longer_than_any_allowed_is_refused_by_its_name()
    {
        var name = "Hostile." + new string('T', 300);
        var hostile = Bare.Replace("\"contextItem\":null", $"\"contextItem\":{{\"$type\":\"{name}\",\"value\":1}}", StringComparison.Ordinal);

        var act = () => PointerDocument.Read(hostile, json);

        act.Should().Throw<WorkflowDataRefusedException>().WithMessage($"*{name}*not on the allow-list*");
    }

    [Fact]
    public void A_document_without_an_id_is_refused_with_a_reason()
    {
        var act = () => PointerDocument.Read("""{"stepId":1}""", json);

        act.Should().Throw<JsonException>().WithMessage("*no id*");
    }
}
