using Xunit.Abstractions;
using Xunit.Sdk;

namespace DeepDive.Engine.Tests.Support;

/// <summary>
/// A fact declared once on an abstract base class and run by each concrete class. Attributes on the base
/// method cannot see the concrete class, so this one's discoverer does: it skips the fact, with the reason,
/// when the concrete class names it in a <see cref="SkipConformanceFactAttribute"/>, or is marked
/// <see cref="RequiresPostgresAttribute"/> and PostgreSQL cannot run here.
/// </summary>
[XunitTestCaseDiscoverer("DeepDive.Engine.Tests.Support.ConformanceFactDiscoverer", "DeepDive.Engine.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceFactAttribute : FactAttribute;

/// <summary>Marks a class whose inherited <see cref="ConformanceFactAttribute"/> facts need the PostgreSQL server.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;

/// <summary>
/// Skips one inherited <see cref="ConformanceFactAttribute"/> fact on the class it marks, where the fact would check
/// nothing (the store does not offer what it checks); the reason shows in the test output.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class SkipConformanceFactAttribute(string fact, string reason) : Attribute
{
    public string Fact { get; } = fact;
    public string Reason { get; } = reason;
}

public sealed class ConformanceFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var type = testMethod.TestClass.Class;
        var needsPostgres = type.GetCustomAttributes(typeof(RequiresPostgresAttribute).AssemblyQualifiedName).Any();
        var notApplicable = type.GetCustomAttributes(typeof(SkipConformanceFactAttribute).AssemblyQualifiedName)
            .Select(a => a.GetConstructorArguments().Cast<string>().ToList())
            .FirstOrDefault(a => a[0] == testMethod.Method.Name)?[1];
        var skip = notApplicable ?? (needsPostgres ? PostgresBinaries.SkipReason : null);
        yield return new ConformanceTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, skip);
    }
}

/// <summary>A test case that carries the skip reason its discoverer found; serialised with it for the runner.</summary>
public sealed class ConformanceTestCase : XunitTestCase
{
    private string? skip;

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ConformanceTestCase()
    {
    }

    public ConformanceTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay methodDisplay, TestMethodDisplayOptions methodDisplayOptions,
        ITestMethod testMethod, string? skip)
        : base(diagnosticMessageSink, methodDisplay, methodDisplayOptions, testMethod)
    {
        // The base class may have initialised itself already, so the reason is set here, not only in GetSkipReason.
        this.skip = skip;
        if (skip is not null)
        {
            SkipReason = skip;
        }
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => skip ?? base.GetSkipReason(factAttribute);

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("PostgresSkip", skip);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        base.Deserialize(data);
        skip = data.GetValue<string?>("PostgresSkip");
        if (skip is not null)
        {
            SkipReason = skip;
        }
    }
}
