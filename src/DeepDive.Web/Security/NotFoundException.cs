namespace DeepDive.Web.Security;

/// <summary>
/// An object that does not exist or that the user may not see: both answer 404 "Page not found", so a URL never
/// tells whether something exists outside the user's scope.
/// </summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found or is out of scope");
