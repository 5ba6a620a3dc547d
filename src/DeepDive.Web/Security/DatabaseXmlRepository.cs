using System.Xml.Linq;
using DeepDive.Engine.Users;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace DeepDive.Web.Security;

/// <summary>
/// The data-protection key ring in the database (<see cref="DataProtectionKeyStore"/>), shared by every web node, instead
/// of a folder on one machine. The framework calls it synchronously, and rarely: at the first use of the keys and when
/// it makes a new key (every 90 days).
/// </summary>
public sealed class DatabaseXmlRepository(DataProtectionKeyStore keys) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. keys.AllAsync(CancellationToken.None).GetAwaiter().GetResult().Select(k => XElement.Parse(k.Xml))];

    public void StoreElement(XElement element, string friendlyName) =>
        keys.AddAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting), CancellationToken.None).GetAwaiter().GetResult();
}
