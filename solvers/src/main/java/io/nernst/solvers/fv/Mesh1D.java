package io.nernst.solvers.fv;

import java.util.Arrays;

/**
 * A one-dimensional cell-centred finite-volume mesh: n cells between n + 1 strictly
 * increasing faces, each cell's node at the midpoint of its faces, with the cell volumes
 * and face areas of its {@link Geometry} (a slab, or spherical shells with volumes
 * (r_{k+1}^3 - r_k^3)/3 and face areas r_k^2).
 *
 * <p>Immutable; the accessors return copies except the {@code *At} element getters, which
 * hot loops should use or cache.
 */
public final class Mesh1D {
    private final Geometry geometry;
    private final double[] faces;
    private final double[] centres;
    private final double[] volumes;
    private final double[] faceAreas;

    private Mesh1D(Geometry geometry, double[] faces) {
        this.geometry = geometry;
        this.faces = faces;
        int n = faces.length - 1;
        this.centres = new double[n];
        this.volumes = new double[n];
        this.faceAreas = new double[n + 1];
        for (int k = 0; k < n; k++) {
            centres[k] = 0.5 * (faces[k] + faces[k + 1]);
            volumes[k] = geometry.volume(faces[k], faces[k + 1]);
        }
        for (int k = 0; k <= n; k++) {
            faceAreas[k] = geometry.area(faces[k]);
        }
    }

    /**
     * A mesh from explicit face positions.
     *
     * @throws IllegalArgumentException if fewer than two faces, a non-finite face, faces not
     *                                  strictly increasing, or a negative radius in a curved geometry
     */
    public static Mesh1D fromFaces(Geometry geometry, double[] faces) {
        if (faces.length < 2) {
            throw new IllegalArgumentException("a mesh needs at least 2 faces (1 cell), got " + faces.length);
        }
        for (int k = 0; k < faces.length; k++) {
            if (!Double.isFinite(faces[k])) {
                throw new IllegalArgumentException("face " + k + " is " + faces[k]);
            }
            if (k > 0 && !(faces[k] > faces[k - 1])) {
                throw new IllegalArgumentException("faces must increase strictly: face " + k + " = " + faces[k]
                        + " <= face " + (k - 1) + " = " + faces[k - 1]);
            }
        }
        if (geometry != Geometry.CARTESIAN && faces[0] < 0.0) {
            throw new IllegalArgumentException(geometry + " mesh must start at a radius >= 0, got " + faces[0]);
        }
        return new Mesh1D(geometry, faces.clone());
    }

    /** n equal cells on [start, end]. */
    public static Mesh1D uniform(Geometry geometry, double start, double end, int cells) {
        return stretched(geometry, start, end, cells, Stretching.uniform());
    }

    /** n cells on [start, end] with faces at start + (end - start) s(k/n). */
    public static Mesh1D stretched(Geometry geometry, double start, double end, int cells, Stretching stretching) {
        if (cells < 1) {
            throw new IllegalArgumentException("number of cells must be >= 1, got " + cells);
        }
        if (!(end > start)) {
            throw new IllegalArgumentException("mesh interval [" + start + ", " + end + "] is empty");
        }
        double[] f = new double[cells + 1];
        f[0] = start;
        f[cells] = end;
        for (int k = 1; k < cells; k++) {
            f[k] = start + (end - start) * stretching.map((double) k / cells);
        }
        return fromFaces(geometry, f);
    }

    /** Spherical shells on [0, radius]: the mesh of a particle. */
    public static Mesh1D sphere(double radius, int shells, Stretching stretching) {
        return stretched(Geometry.SPHERICAL, 0.0, radius, shells, stretching);
    }

    /**
     * Joins meshes that share end points (the last face of one equals the first of the next,
     * to a relative 1e-12) into one mesh of the same geometry.
     */
    public static Mesh1D concatenate(Mesh1D... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        int n = 0;
        for (int p = 0; p < parts.length; p++) {
            if (parts[p].geometry != parts[0].geometry) {
                throw new IllegalArgumentException("part " + p + " has geometry " + parts[p].geometry
                        + ", part 0 has " + parts[0].geometry);
            }
            if (p > 0) {
                double a = parts[p - 1].end();
                double b = parts[p].start();
                if (Math.abs(a - b) > 1e-12 * Math.max(Math.abs(a), Math.abs(b))) {
                    throw new IllegalArgumentException("part " + (p - 1) + " ends at " + a + " but part " + p + " starts at " + b);
                }
            }
            n += parts[p].cells();
        }
        double[] f = new double[n + 1];
        int k = 0;
        for (Mesh1D part : parts) {
            System.arraycopy(part.faces, k == 0 ? 0 : 1, f, k == 0 ? 0 : k + 1, k == 0 ? part.faces.length : part.faces.length - 1);
            k += part.cells();
        }
        return fromFaces(parts[0].geometry, f);
    }

    public Geometry geometry() {
        return geometry;
    }

    /** Number of cells. */
    public int cells() {
        return centres.length;
    }

    public double start() {
        return faces[0];
    }

    public double end() {
        return faces[faces.length - 1];
    }

    /** Position of face k (0..cells). */
    public double faceAt(int k) {
        return faces[k];
    }

    /** Node (midpoint) of cell k. */
    public double centreAt(int k) {
        return centres[k];
    }

    /** Volume of cell k in the mesh geometry. */
    public double volumeAt(int k) {
        return volumes[k];
    }

    /** Width faces[k+1] - faces[k] of cell k. */
    public double widthAt(int k) {
        return faces[k + 1] - faces[k];
    }

    /** Area of face k in the mesh geometry. */
    public double faceAreaAt(int k) {
        return faceAreas[k];
    }

    /** Copy of the face positions. */
    public double[] faces() {
        return faces.clone();
    }

    /** Copy of the cell nodes. */
    public double[] centres() {
        return centres.clone();
    }

    /** Copy of the cell volumes. */
    public double[] volumes() {
        return volumes.clone();
    }

    /** Copy of the face areas. */
    public double[] faceAreas() {
        return faceAreas.clone();
    }

    /** Total volume, the sum of the cell volumes. */
    public double totalVolume() {
        double s = 0.0;
        for (double v : volumes) {
            s += v;
        }
        return s;
    }

    @Override
    public String toString() {
        return "Mesh1D[" + geometry + ", " + cells() + " cells on [" + start() + ", " + end() + "]]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mesh1D m && m.geometry == geometry && Arrays.equals(m.faces, faces);
    }

    @Override
    public int hashCode() {
        return 31 * geometry.hashCode() + Arrays.hashCode(faces);
    }
}
