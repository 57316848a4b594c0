namespace Ipp.Graph.Authorization;

/// <summary>A set of permissions, one bit each: what a caller holds, or what a field needs.</summary>
public readonly record struct PermissionSet(uint Bits)
{
    public static PermissionSet Empty => default;

    public bool IsEmpty => Bits == 0;

    public static PermissionSet Of(params ReadOnlySpan<Permission> permissions)
    {
        var bits = 0u;
        foreach (var permission in permissions)
        {
            bits |= Bit(permission);
        }

        return new PermissionSet(bits);
    }

    public bool Contains(Permission permission) => (Bits & Bit(permission)) != 0;

    /// <summary>True when every permission of <paramref name="other"/> is in this set.</summary>
    public bool ContainsAll(PermissionSet other) => (Bits & other.Bits) == other.Bits;

    public PermissionSet Union(PermissionSet other) => new(Bits | other.Bits);

    /// <summary>The permissions in both sets.</summary>
    public PermissionSet Intersect(PermissionSet other) => new(Bits & other.Bits);

    /// <summary>The permissions of this set that <paramref name="other"/> lacks.</summary>
    public PermissionSet Except(PermissionSet other) => new(Bits & ~other.Bits);

    /// <summary>The permissions in the order of <see cref="Permission"/>.</summary>
    public IEnumerable<Permission> Members => Permissions.All.Where(Contains);

    /// <summary>The names of the permissions (<c>experiments:read</c>), in the order of <see cref="Permission"/>.</summary>
    public string[] Names() => [.. Members.Select(Permissions.NameOf)];

    private static uint Bit(Permission permission) => 1u << (int)permission;
}
