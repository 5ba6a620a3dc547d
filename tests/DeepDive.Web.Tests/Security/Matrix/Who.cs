namespace DeepDive.Web.Tests.Security.Matrix;

/// <summary>The kinds of user every route is tried as: no one, each role of the demo partnership, and another partnership's manager.</summary>
public enum Who
{
    Anonymous,
    Manager,
    Moderator,
    Auditor,
    School,
    Viewer,
    OtherPartnershipManager,
}
