package io.nernst.models.solidstate;

import io.nernst.models.assembly.JacobianRecorder;
import io.nernst.models.materials.DifferentiableFunction;
import io.nernst.models.particle.SphericalParticle;
import io.nernst.solvers.fv.Mesh1D;
import io.nernst.solvers.fv.Stretching;

/**
 * Finite-volume discretisation of Fickian diffusion in an axisymmetric sphere c(r, polar angle)
 * whose surface exchanges lithium only through a polar cap of contact fraction theta (seed 002;
 * physics.md section 3; solid-state.md section 1.5):
 * <pre>
 *   dc/dt = (1/r^2) d/dr (r^2 D(c) dc/dr) + (1/(r^2 sin a)) d/da (sin a D(c) dc/da)
 *   -D dc/dr (R, a) = N_cap   for a < a_c,   0 for a > a_c,     theta = (1 - cos a_c) / 2
 * </pre>
 * The cap carries the whole particle's exchange: the outward flux density on it is the
 * surface-average flux divided by theta.
 *
 * <p><b>Mesh.</b> Radial shells as in {@link SphericalParticle} (the same object supplies the radial
 * operator and the surface equation of every polar sector, see below) times polar sectors
 * [a_j, a_{j+1}]; the cap edge a_c is always a sector face, with {@code capSectors} equal sectors
 * on the cap and the rest equal on the remainder. Cells are exact finite volumes of the sphere:
 * volume 2 pi w_j V_k with w_j = cos a_j - cos a_{j+1} and V_k = (r_{k+1}^3 - r_k^3)/3, radial faces
 * 2 pi w_j r_k^2, polar faces 2 pi sin a_j (r_{k+1}^2 - r_k^2)/2. The polar flux through face a_j
 * of shell k is -D (1/r) dc/da integrated over the face, written as
 * -2 pi D sin a_j (r_{k+1} - r_k) (c_{k,j} - c_{k,j-1}) / (a~_j - a~_{j-1}) with a~ the sector
 * mid-angles; D at the mean stoichiometry of the two cells. Every face flux leaves one cell
 * and enters its neighbour, so the lithium content sum 2 pi w_j V_k c_{k,j} changes only by the
 * cap exchange, to round-off.
 *
 * <p><b>Unknowns.</b> Sector by sector, each a {@link SphericalParticle} block: the shell
 * concentrations (centre to surface) followed by the sector's surface concentration c_R,j
 * (algebraic, extrapolated with the sector's boundary flux as in {@link SphericalParticle}).
 * Radial fluxes, volumes and surface rows per unit solid angle are exactly those of the 1D
 * particle, so with theta = 1 and a polar-uniform state the model reduces to
 * {@link SphericalParticle} to round-off; the polar terms are added on top.
 *
 * <p><b>Use.</b> Like {@link SphericalParticle} this class writes residual rows and Jacobian
 * entries of one particle block into a caller's arrays given the outward molar flux density
 * of each sector [mol/(m2 s)]; the caller (a standalone driver such as
 * {@link PartialContactCharge}, or later a cell model) computes the sector fluxes from its
 * kinetics and adds their dependence with {@link #outerShellFluxSensitivity()} and
 * {@link #surfaceFluxSensitivity}. Allocation-free after construction.
 */
public final class PartialContactParticle {
    private final SphericalParticle column;
    private final int shells;
    private final int sectors;
    private final int capSectors;
    private final int block;
    private final double radius;
    private final double contactFraction;
    private final double capAngle;
    private final double[] angleFaces;
    private final double[] sectorWeight;
    private final double[] volume;
    private final double[] shellThickness;
    /** sin a_j / (a~_j - a~_{j-1}) for polar faces j = 1 .. sectors-1. */
    private final double[] polarFaceFactor;
    private final DifferentiableFunction diffusivity;
    private final double maximumConcentration;

    /**
     * A particle with the cap resolved by a share of the sectors proportional to its polar
     * angle (at least one sector on and one off the cap when theta < 1).
     *
     * @param radius               R [m]
     * @param shells               radial shells (>= 2)
     * @param sectors              polar sectors (>= 2 when theta < 1)
     * @param contactFraction      theta in (0, 1], the contacted share of the surface
     * @param stretching           radial face placement
     * @param diffusivity          D(stoichiometry, T) [m2/s]
     * @param maximumConcentration c_max [mol/m3]
     */
    public PartialContactParticle(double radius, int shells, int sectors, double contactFraction, Stretching stretching,
                                  DifferentiableFunction diffusivity, double maximumConcentration) {
        this(radius, shells, sectors, defaultCapSectors(sectors, contactFraction), contactFraction, stretching,
                diffusivity, maximumConcentration);
    }

    /**
     * A particle with an explicit number of cap sectors (mesh-refinement studies keep the
     * ratio capSectors / sectors fixed).
     */
    public PartialContactParticle(double radius, int shells, int sectors, int capSectors, double contactFraction,
                                  Stretching stretching, DifferentiableFunction diffusivity, double maximumConcentration) {
        checkContactFraction(contactFraction);
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("particle radius must be finite and > 0 m, got " + radius);
        }
        if (shells < 2) {
            throw new IllegalArgumentException("the partial-contact particle needs at least 2 shells, got " + shells);
        }
        if (!(maximumConcentration > 0)) {
            throw new IllegalArgumentException("maximum concentration must be > 0 mol/m3, got " + maximumConcentration);
        }
        boolean full = contactFraction >= 1.0;
        if (sectors < 1 || (!full && sectors < 2)) {
            throw new IllegalArgumentException("need at least " + (full ? 1 : 2) + " polar sectors, got " + sectors);
        }
        if (full ? capSectors != sectors : (capSectors < 1 || capSectors >= sectors)) {
            throw new IllegalArgumentException("cap sectors must be " + (full ? "all " + sectors + " sectors for theta = 1"
                    : "in [1, " + (sectors - 1) + "]") + ", got " + capSectors);
        }
        this.column = new SphericalParticle(radius, shells, stretching, diffusivity, maximumConcentration);
        this.shells = shells;
        this.sectors = sectors;
        this.capSectors = capSectors;
        this.block = shells + 1;
        this.radius = radius;
        this.contactFraction = Math.min(contactFraction, 1.0);
        this.capAngle = full ? Math.PI : Math.acos(1.0 - 2.0 * contactFraction);
        this.angleFaces = new double[sectors + 1];
        for (int j = 0; j <= capSectors; j++) {
            angleFaces[j] = capAngle * j / capSectors;
        }
        for (int j = capSectors + 1; j <= sectors; j++) {
            angleFaces[j] = capAngle + (Math.PI - capAngle) * (j - capSectors) / (sectors - capSectors);
        }
        angleFaces[sectors] = Math.PI;
        this.sectorWeight = new double[sectors];
        for (int j = 0; j < sectors; j++) {
            sectorWeight[j] = Math.cos(angleFaces[j]) - Math.cos(angleFaces[j + 1]);
        }
        this.polarFaceFactor = new double[sectors];
        for (int j = 1; j < sectors; j++) {
            double left = 0.5 * (angleFaces[j - 1] + angleFaces[j]);
            double right = 0.5 * (angleFaces[j] + angleFaces[j + 1]);
            polarFaceFactor[j] = Math.sin(angleFaces[j]) / (right - left);
        }
        Mesh1D mesh = column.mesh();
        this.volume = column.shellVolumes();
        this.shellThickness = new double[shells];
        for (int k = 0; k < shells; k++) {
            shellThickness[k] = mesh.faceAt(k + 1) - mesh.faceAt(k);
        }
        this.diffusivity = diffusivity;
        this.maximumConcentration = maximumConcentration;
    }

    /** Rejects a contact fraction outside (0, 1] naming the key. */
    static void checkContactFraction(double contactFraction) {
        if (!(contactFraction > 0.0 && contactFraction <= 1.0)) {
            throw new IllegalArgumentException("contact fraction theta = " + contactFraction + " is outside (0, 1]");
        }
    }

    private static int defaultCapSectors(int sectors, double contactFraction) {
        checkContactFraction(contactFraction);
        if (contactFraction >= 1.0) {
            return sectors;
        }
        double capAngle = Math.acos(1.0 - 2.0 * contactFraction);
        long share = Math.round(sectors * capAngle / Math.PI);
        return (int) Math.max(1, Math.min(sectors - 1, share));
    }

    /** Unknowns of one particle block: sectors x (shells + 1). */
    public int unknowns() {
        return sectors * block;
    }

    public int shells() {
        return shells;
    }

    public int sectors() {
        return sectors;
    }

    /** Sectors on the contact cap (the first ones, from the pole a = 0). */
    public int capSectors() {
        return capSectors;
    }

    public double radius() {
        return radius;
    }

    public double contactFraction() {
        return contactFraction;
    }

    /** Polar angle of the cap edge a_c [rad]. */
    public double capAngle() {
        return capAngle;
    }

    public double maximumConcentration() {
        return maximumConcentration;
    }

    /** Index of shell k of sector j within the block. */
    public int index(int shell, int sector) {
        return sector * block + shell;
    }

    /** Index of sector j's surface concentration within the block. */
    public int surfaceIndex(int sector) {
        return sector * block + shells;
    }

    /** Polar face angles a_0 = 0 .. a_sectors = pi (copy). */
    public double[] angleFaces() {
        return angleFaces.clone();
    }

    /** Radial faces [m] (copy). */
    public double[] radialFaces() {
        return column.mesh().faces();
    }

    /** Outer surface area of sector j [m2]: 2 pi R^2 (cos a_j - cos a_{j+1}). */
    public double sectorSurfaceArea(int sector) {
        return 2.0 * Math.PI * radius * radius * sectorWeight[sector];
    }

    /** Volume of cell (k, j) [m3]. */
    public double cellVolume(int shell, int sector) {
        return 2.0 * Math.PI * sectorWeight[sector] * volume[shell];
    }

    /** Contact (cap) area [m2] = 4 pi R^2 theta. */
    public double contactArea() {
        return 4.0 * Math.PI * radius * radius * contactFraction;
    }

    /** Particle volume [m3]. */
    public double particleVolume() {
        return 4.0 / 3.0 * Math.PI * radius * radius * radius;
    }

    /** Lithium content [mol] of the block at {@code offset}. */
    public double lithium(double[] y, int offset) {
        double s = 0.0;
        for (int j = 0; j < sectors; j++) {
            double sector = 0.0;
            for (int k = 0; k < shells; k++) {
                sector += volume[k] * y[offset + j * block + k];
            }
            s += sectorWeight[j] * sector;
        }
        return 2.0 * Math.PI * s;
    }

    /** Volume-average concentration [mol/m3]. */
    public double averageConcentration(double[] y, int offset) {
        return lithium(y, offset) / particleVolume();
    }

    /**
     * Volume-average concentration of the cells whose centres lie in the polar range
     * [fromAngle, toAngle] and radial range [fromRadius, R] [mol/m3]; used for region averages
     * (a near-surface layer on the contact versus the far side).
     */
    public double regionAverage(double[] y, int offset, double fromAngle, double toAngle, double fromRadius) {
        double amount = 0.0;
        double vol = 0.0;
        double[] faces = column.mesh().faces();
        for (int j = 0; j < sectors; j++) {
            double mid = 0.5 * (angleFaces[j] + angleFaces[j + 1]);
            if (mid < fromAngle || mid > toAngle) {
                continue;
            }
            for (int k = 0; k < shells; k++) {
                if (0.5 * (faces[k] + faces[k + 1]) < fromRadius) {
                    continue;
                }
                double v = sectorWeight[j] * volume[k];
                amount += v * y[offset + j * block + k];
                vol += v;
            }
        }
        if (vol == 0.0) {
            throw new IllegalArgumentException("no cell centre in polar range [" + fromAngle + ", " + toAngle
                    + "] rad and radius >= " + fromRadius + " m");
        }
        return amount / vol;
    }

    /**
     * Writes the block's residual rows for the outward molar flux density of each sector
     * [mol/(m2 s)] (zero off the cap). Rows are in rate form [mol/(m3 s)] for shells, in
     * mol/m3 for the surface rows.
     */
    public void residual(double[] y, double[] yDot, int offset, double[] sectorFlux, double temperature, double[] residual) {
        for (int j = 0; j < sectors; j++) {
            column.residual(y, yDot, offset + j * block, sectorFlux[j], temperature, residual);
        }
        if (sectors == 1) {
            return;
        }
        boolean constant = diffusivity.independentOfState();
        double d0 = constant ? diffusivity.value(0.0, temperature) : Double.NaN;
        for (int j = 1; j < sectors; j++) {
            double geometry = polarFaceFactor[j];
            double inverseLeft = 1.0 / sectorWeight[j - 1];
            double inverseRight = 1.0 / sectorWeight[j];
            int left = offset + (j - 1) * block;
            int right = offset + j * block;
            for (int k = 0; k < shells; k++) {
                double cl = y[left + k];
                double cr = y[right + k];
                double d = constant ? d0 : diffusivity.value(0.5 * (cl + cr) / maximumConcentration, temperature);
                // flow from sector j-1 into sector j (per 2 pi)
                double flow = -d * geometry * shellThickness[k] * (cr - cl);
                residual[left + k] += flow * inverseLeft / volume[k];
                residual[right + k] -= flow * inverseRight / volume[k];
            }
        }
    }

    /**
     * Adds the block's Jacobian entries with respect to its own unknowns (dF/dy + cj dF/dy'),
     * the sector fluxes held fixed. The sequence of add calls depends only on the mesh.
     */
    public void jacobian(double[] y, int offset, double[] sectorFlux, double temperature, double cj, JacobianRecorder jac) {
        for (int j = 0; j < sectors; j++) {
            column.jacobian(y, offset + j * block, sectorFlux[j], temperature, cj, jac);
        }
        for (int j = 1; j < sectors; j++) {
            double geometry = polarFaceFactor[j];
            double inverseLeft = 1.0 / sectorWeight[j - 1];
            double inverseRight = 1.0 / sectorWeight[j];
            int left = offset + (j - 1) * block;
            int right = offset + j * block;
            for (int k = 0; k < shells; k++) {
                double cl = y[left + k];
                double cr = y[right + k];
                double sto = 0.5 * (cl + cr) / maximumConcentration;
                double d = diffusivity.value(sto, temperature);
                double dd = 0.5 * diffusivity.derivative(sto, temperature) / maximumConcentration;
                double g = geometry * shellThickness[k];
                double dFlowDl = -dd * g * (cr - cl) + d * g;
                double dFlowDr = -dd * g * (cr - cl) - d * g;
                double sl = inverseLeft / volume[k];
                double sr = inverseRight / volume[k];
                jac.add(left + k, left + k, dFlowDl * sl);
                jac.add(left + k, right + k, dFlowDr * sl);
                jac.add(right + k, left + k, -dFlowDl * sr);
                jac.add(right + k, right + k, -dFlowDr * sr);
            }
        }
    }

    /** d(outer-shell residual of a sector)/d(its flux N_j). */
    public double outerShellFluxSensitivity() {
        return column.outerShellFluxSensitivity();
    }

    /** d(surface residual of a sector)/d(its flux N_j) at surface concentration cs. */
    public double surfaceFluxSensitivity(double surfaceConcentration, double temperature) {
        return column.surfaceFluxSensitivity(surfaceConcentration, temperature);
    }

    /** Index of sector j's outer shell within the block. */
    public int outerShellIndex(int sector) {
        return sector * block + shells - 1;
    }

    /** Sets every shell and surface unknown of the block to concentration c. */
    public void fill(double[] y, int offset, double concentration) {
        java.util.Arrays.fill(y, offset, offset + unknowns(), concentration);
    }

    /** The 1D particle supplying the radial operator (shared by all sectors). */
    public SphericalParticle column() {
        return column;
    }
}
