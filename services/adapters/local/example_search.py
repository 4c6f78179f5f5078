"""The intent model's nearest training examples without reading all of them: the same numbers as the full pass.

The vote of the nearest examples (intent.IntentModel._decide, fx.knn_vote) needs, per row of a message (its text and
its clauses), the k = 10 largest dot products with the 3,709 x 640 float32 training embeddings, and the largest one
(the out-of-scope rule). Reading those 9.5 MB costs ~1 ms per decision (memory-bound: the rest of the pipeline evicts
them from the cache between messages; 1.4-1.7 ms for 2-3 rows, whose BLAS product also copies them into its blocks).
ExampleSearch reads a 2.4 MB int8 copy instead, and then only the few examples that can matter:

1. **Estimate.** Each example p is stored rounded to 8-bit integers with its own scale (p = s_p p_hat + e_p), the
   query rows are rounded to 7-bit integers with one scale (q = s_q q_hat + e_q), and onnxruntime's
   MatMulIntegerToFloat sums q_hat . p_hat exactly in integers, then scales it by s_q s_p (7 bits so that no x86
   kernel's 16-bit pair sums can saturate: 2 x 127 x 127 < 32,767).
2. **Bound.** q.p - s_q s_p (q_hat . p_hat) = q.e_p + e_q.(s_p p_hat), so by Cauchy-Schwarz the true product lies
   within |q| |e_p| + |e_q| |s_p p_hat| of the estimate; the float32 product the full pass computes lies within
   640 x 2^-24 x |q| |p| < 1e-4 |q| |p| of the true one (FLOAT_SLACK), and the graph's own float32 steps within
   ROUNDING. That gives every example a lower and an upper bound of the number the full pass would give it.
3. **Keep.** The k-th largest lower bound L is at most the k-th largest full-pass product (k examples reach it), so an
   example whose upper bound is below L is neither among the k largest nor tied with the k-th: the examples with an
   upper bound >= L (a median of 20-60 of 3,709 on our messages; docs/benchmarks.md "Session 12") provably hold the k
   largest products, the largest, and every tie with the k-th. Steps 1-3 are one onnxruntime graph (bound_model).
4. **Exact products.** Those examples are copied into a buffer and multiplied with the query rows by the very BLAS
   call the full pass makes (intent.similarities_to), laid out so that each number goes through the same kernel:
   for one row (a matrix-vector product, computed in groups of 4 examples with the last len(pool) % 4 on their own)
   the candidates fill whole groups and the pool's last len(pool) % 4 examples close the buffer, as they close the
   pool; for 2-8 rows (a matrix product) one of two layouts, whichever the check below finds to give the full pass's
   numbers for that many rows (PADDED first): PADDED, the rows padded with zero rows and the buffer with examples so
   that OpenBLAS uses its general kernel, as for the whole pool, not its small-matrix one (OpenBLAS's SkylakeX
   kernels, where sessions 12-15 measured); PLAIN, the rows as they are and the candidates in a row (OpenBLAS's
   Haswell kernels, which it also runs on AMD EPYC: there the padded product sums in another order than the
   unpadded full pass, while 2-7 unpadded rows give each example the same number wherever it sits in the matrix;
   8 rows do not, docs/benchmarks.md "Session 16"). The products are then the full pass's numbers bit for bit.
   Because that rests on how the BLAS library lays out its work, the search checks it when it is built, against the
   full pass on perturbed training examples (every row count 1-8, and the integer sums against numpy's): a row count
   for which no layout gives every number takes the full pass, and if one row does not (or no other count does),
   the search switches itself off (every decision takes the full pass, as before).

More than MAX_CANDIDATES candidates, more than MAX_ROWS rows, a zero or non-finite row, or onnxruntime missing: the
caller takes the full pass. Read-only once built, except for per-thread buffers, so one instance serves every thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

MAX_ROWS = 8  # intent.FEW_ROWS: one message's rows; batches take the full pass
MAX_CANDIDATES = 512  # more than this many examples to compute exactly: the full pass instead
QUERY_LEVELS = 63  # query rows rounded to integers in [-63, 63], fed as uint8 with zero point 64
EXAMPLE_LEVELS = 127  # examples rounded to integers in [-127, 127] (int8)
# The full pass's float32 product of q and p is within 640 x 2^-24 |q| |p| (3.8e-5 |q| |p|) of the true one whatever
# the order of its sums; FLOAT_SLACK |q| max|p| is added to every bound, and ROUNDING for the graph's own float32 steps
# (each below 1e-6 here: the estimate's two products, the norms, the sums of the bound).
FLOAT_SLACK = 1e-4
ROUNDING = 1e-5
# OpenBLAS (SkylakeX) multiplies with its small-matrix sgemm kernel, which sums in another order, when rows x examples
# <= 1,200 or rows x examples x 640 <= 1e6. For 2-8 rows the query rows are padded with zero rows to QUERY_PAD and the
# buffer has enough examples that both products exceed those limits: each number is then computed as in the full pass
# (tested bit for bit: tests/adapters/local/test_throughput_session12.py).
SMALL_GEMM_PRODUCTS = 1_000_000
SMALL_GEMM_OUTPUTS = 1_200
QUERY_PAD = 40
GROUP = 4  # OpenBLAS's matrix-vector kernel takes examples 4 at a time (the last len(pool) % 4 apart)
PADDED, PLAIN = "padded", "plain"  # the layouts of the product of 2-8 rows (module docstring, step 4)


Product = Callable[[np.ndarray, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Nearest:
    """What a search found: the full-pass products of the rows with the candidate examples (r, c), the candidates
    (ascending pool indices), and each row's nearest cosine to the probe (None without a probe)."""

    products: np.ndarray
    columns: np.ndarray
    probe: np.ndarray | None


class ExampleSearch:
    """The largest dot products of a few query rows with a pool of example rows, exactly as ``product`` computes them
    over the whole pool (module docstring). Built by ``build``; ``enabled`` is False when the self-check failed."""

    def __init__(self, pool: np.ndarray, k: int, product: Product, nearest: Product | None = None,
                 probe: np.ndarray | None = None, probe_stride: int = 0) -> None:
        self.pool = pool
        self.k = k
        self._product = product
        self._nearest = nearest
        # the probe: every probe_stride-th example (the very array intent.IntentModel.probe is), whose nearest cosine
        # `nearest` gives
        use_probe = probe is not None and nearest is not None and probe_stride > 0
        self.probe_index = np.arange(0, len(pool), probe_stride) if use_probe else np.zeros(0, np.int64)
        self.probe = probe if probe is not None and use_probe else np.zeros((0, pool.shape[1]), np.float32)
        if len(self.probe) != len(self.probe_index):
            raise ValueError("the probe must be every probe_stride-th row of the pool")
        probe_tail = len(self.probe_index) % GROUP
        self._probe_tail = np.arange(len(self.probe_index) - probe_tail, len(self.probe_index))
        peak = np.abs(pool).max(axis=1).astype(np.float64)
        self.scale = np.where(peak > 0, peak / EXAMPLE_LEVELS, 1.0).astype(np.float32)  # s_p, as the graph has it
        self.quantised = np.empty(pool.shape, np.int8)  # p_hat
        error, approx_norm, norm = (np.empty(len(pool)) for _ in range(3))
        for start in range(0, len(pool), 512):  # in float64, a block at a time (a few MB, not four copies of the pool)
            block = pool[start:start + 512].astype(np.float64)
            scale = self.scale[start:start + 512].astype(np.float64)[:, None]
            rounded = np.rint(block / scale)
            self.quantised[start:start + 512] = rounded
            approx = rounded * scale
            error[start:start + 512] = np.linalg.norm(block - approx, axis=1)
            approx_norm[start:start + 512] = np.linalg.norm(approx, axis=1)
            norm[start:start + 512] = np.linalg.norm(block, axis=1)
        # per example: |e_p| + FLOAT_SLACK max|p| (both multiplied by |q|) and |s_p p_hat|, rounded up to float32
        self.error = _up(error + FLOAT_SLACK * float(norm.max(initial=0.0)))
        self.approx_norm = _up(approx_norm)
        tail = len(pool) % GROUP
        self._tail = np.arange(len(pool) - tail, len(pool))  # the examples the matrix-vector kernel takes apart
        self._regular = len(pool) - tail
        self._least = max(SMALL_GEMM_PRODUCTS // (QUERY_PAD * pool.shape[1]), SMALL_GEMM_OUTPUTS // QUERY_PAD) + 1
        self._local = threading.local()
        self._session: Any = None
        self.enabled = True
        # the layout that gives the full pass's numbers, per row count (set by check(); 1 row: the vector product)
        self.layouts: dict[int, str] = {rows: PADDED for rows in range(1, MAX_ROWS + 1)}
        self.searches = 0  # decisions answered from the candidates (tests read these)
        self.full_passes = 0  # decisions handed back to the full pass

    @classmethod
    def build(cls, pool: np.ndarray, k: int, product: Product, nearest: Product | None = None,
              probe: np.ndarray | None = None, probe_stride: int = 0) -> ExampleSearch | None:
        """The search over `pool`, checked against `product` over the whole pool (and `nearest` over `probe`, every
        probe_stride-th example: the arrays the full pass reads) and off if anything differs. None where onnxruntime
        is missing or cannot run the graph, or the pool is not a C-contiguous float32 matrix or has no more than k
        examples.

        The check fails, for one, where numpy's BLAS runs on several threads (a process that never built a
        LocalIntentClassifier, which limits it to one): a matrix-vector product is then split between threads and
        the examples at the end of each thread's share go through another kernel, so the full pass's own numbers
        depend on the split (seen: example 3,707 of 3,709 differing in its last bit)."""
        if (not isinstance(pool, np.ndarray) or pool.dtype != np.float32 or pool.ndim != 2
                or not pool.flags.c_contiguous or len(pool) <= k or pool.shape[1] == 0):
            return None
        if probe is not None and (probe.dtype != np.float32 or not probe.flags.c_contiguous):
            probe = None
        try:
            import onnxruntime as ort
        except ImportError:
            return None
        search = cls(pool, k, product, nearest, probe, probe_stride)
        options = ort.SessionOptions()
        options.intra_op_num_threads, options.inter_op_num_threads = 1, 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        try:
            search._session = ort.InferenceSession(bound_model(search), options, providers=["CPUExecutionProvider"])
            search.enabled = search.check()
        except Exception as e:  # onnxruntime raises its own types; e.g. a build without the com.microsoft operators
            log.warning("the intent model's example search is unavailable (%s); every decision reads all %d "
                        "training examples", e, len(pool))
            return None
        if not search.enabled:
            log.warning("the intent model's example search does not reproduce the full product here; "
                        "every decision reads all %d training examples", len(pool))
        return search

    def candidates(self, queries: np.ndarray) -> np.ndarray | None:
        """Ascending pool indices holding, for every row, the k largest full-pass products and every tie with the
        k-th (None: the rows are all zero or not all finite)."""
        found = self._bounds(queries)
        return None if found is None else found[0]

    def _bounds(self, queries: np.ndarray, probe: bool = True) -> tuple[np.ndarray, np.ndarray] | None:
        """(the candidates, the probe's candidates for its largest product with some row, as indices into the probe;
        none without `probe`)."""
        if not np.all(np.isfinite(queries)):
            return None
        wanted = ["over", "scale", "probe_over"] if probe and len(self.probe_index) else ["over", "scale"]
        over, scale, *probe_over = self._session.run(wanted, {"Q": queries})
        if not scale > 0:
            return None
        columns = np.flatnonzero((over[0] if len(over) == 1 else over.max(axis=0)) >= 0)
        if not probe_over:
            return columns, np.zeros(0, np.int64)
        return columns, np.flatnonzero((probe_over[0][0] if len(over) == 1 else probe_over[0].max(axis=0)) >= 0)

    def search(self, queries: np.ndarray, probe: bool = True) -> Nearest | None:
        """The full-pass products of every row with the candidate examples, the same numbers bit for bit, and the
        probe's nearest cosine per row (as `nearest` gives it; None when `probe` is False: the caller does not read
        it); None: take the full pass."""
        queries = np.atleast_2d(queries)
        if not self.enabled or len(queries) not in self.layouts or queries.dtype != np.float32:
            self.full_passes += 1
            return None
        found = self._bounds(queries, probe)
        if found is None or not self.k <= len(found[0]) <= MAX_CANDIDATES or len(found[1]) > MAX_CANDIDATES:
            self.full_passes += 1
            return None
        self.searches += 1
        columns, probe_columns = found
        nearest = self.probe_nearest(queries, probe_columns) if probe and len(self.probe_index) else None
        return Nearest(self.exact(queries, columns), columns, nearest)

    def probe_nearest(self, queries: np.ndarray, probe_columns: np.ndarray) -> np.ndarray:
        """`nearest`(queries, probe) from the probe's candidates only: they fill whole groups of 4 (padded with
        copies of the first, which cannot raise a maximum), then the probe's last len(probe) % 4 examples, as the
        probe ends: each product goes through the kernel it goes through in the whole probe."""
        regular = probe_columns[probe_columns < len(self.probe) - len(self._probe_tail)]
        body = -(-len(regular) // GROUP) * GROUP
        rows = body + len(self._probe_tail)
        buffer = self._buffer("probe", rows)
        np.take(self.probe, regular, axis=0, out=buffer[:len(regular)])
        buffer[len(regular):body] = self.probe[regular[0]] if len(regular) else 0.0
        buffer[body:rows] = self.probe[self._probe_tail]
        return self._nearest(queries, buffer[:rows])  # type: ignore[misc]

    def exact(self, queries: np.ndarray, columns: np.ndarray, layout: str | None = None) -> np.ndarray:
        """The full pass's products of `queries` with the examples `columns` (ascending), from a buffer laid out so
        that BLAS computes each the same way (module docstring, step 4; `layout`: the check's for that many rows)."""
        layout = layout or self.layouts.get(len(queries), PADDED)
        regular = columns[columns < self._regular]
        tail = self._tail
        body = -(-len(regular) // GROUP) * GROUP  # whole groups of 4
        if len(queries) > 1 and layout == PADDED and body + len(tail) < self._least:
            body += -(-(self._least - body - len(tail)) // GROUP) * GROUP
        rows = body + len(tail)
        buffer = self._buffer("examples", rows)
        np.take(self.pool, regular, axis=0, out=buffer[:len(regular)])
        buffer[body:rows] = self.pool[tail]
        if len(queries) == 1 or layout == PLAIN:
            products = self._product(queries, buffer[:rows])
        else:  # zero rows below: past the small-matrix kernel (QUERY_PAD); each number depends on its own two rows
            padded = self._buffer("queries", QUERY_PAD)
            padded[:len(queries)] = queries
            padded[len(queries):] = 0.0
            products = self._product(padded, buffer[:rows])[:len(queries)]
        where = np.concatenate([np.arange(len(regular)), body + np.searchsorted(tail, columns[columns >= self._regular])])
        return np.ascontiguousarray(products[:, where])

    def _buffer(self, name: str, rows: int) -> np.ndarray:
        """This thread's buffer of at least `rows` rows as wide as the pool."""
        buffer = getattr(self._local, name, None)
        if buffer is None or len(buffer) < rows:
            # zeros, not np.empty: the padding rows are multiplied too, and must not be NaN or denormal
            buffer = np.zeros((max(rows, 256), self.pool.shape[1]), np.float32)
            setattr(self._local, name, buffer)
        return buffer

    def estimates(self, queries: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(the graph's rounded query rows as integers, its query scale s_q, its estimates s_q s_p q_hat . p_hat),
        for the checks."""
        shifted, scale, estimate = self._session.run(["A", "scale", "estimate"], {"Q": queries})
        return shifted.astype(np.int64) - (QUERY_LEVELS + 1), scale, estimate

    def check(self, trials: int = 6, seed: int = 12) -> bool:
        """Whether the search gives the full pass's numbers here: perturbed training examples as query rows (every
        row count 1-MAX_ROWS), their candidates' products (and those of a random spread of other examples) against
        the full product bit for bit in each layout until one gives them all, the k largest products among the
        candidates, and the graph's integer sums against numpy's. Sets `layouts` (the row counts searched, and
        how); True when one row and at least one other row count are. Counts nothing in searches / full_passes."""
        rng = np.random.default_rng(seed)
        layouts: dict[int, str] = {}
        for rows in range(1, MAX_ROWS + 1):
            cases = []
            for _ in range(trials):
                picked = self.pool[rng.choice(len(self.pool), rows, replace=False)].astype(np.float64)
                queries = picked + rng.normal(0.0, 0.01, picked.shape)
                queries = (queries / np.linalg.norm(queries, axis=1, keepdims=True)).astype(np.float32)
                cases.append((queries, rng.choice(len(self.pool), int(rng.integers(1, 200)), replace=False)))
            for layout in ((PADDED,) if rows == 1 else (PADDED, PLAIN)):
                if self._check_rows(cases, layout):
                    layouts[rows] = layout
                    break
        self.layouts = layouts
        return 1 in layouts and len(layouts) > 1

    def _check_rows(self, cases: list[tuple[np.ndarray, np.ndarray]], layout: str) -> bool:
        """check() for one row count and one layout: every case's numbers as the full pass's (and at least one case
        with a usable number of candidates)."""
        checked = 0
        for trial, (queries, others) in enumerate(cases):
            full = self._product(queries, self.pool)
            columns = self.candidates(queries)
            if columns is None or not self.k <= len(columns) <= MAX_CANDIDATES:
                continue
            checked += 1
            for cols in (columns, np.union1d(columns, others)):
                if not np.array_equal(self.exact(queries, cols, layout), full[:, cols]):
                    return False
            if not np.array_equal(np.sort(full[:, columns], axis=1)[:, -self.k:], np.sort(full, axis=1)[:, -self.k:]):
                return False
            if len(self.probe_index):
                found = self._bounds(queries)
                if found is None or not np.array_equal(self.probe_nearest(queries, found[1]),
                                                       self._nearest(queries, self.probe)):  # type: ignore[misc]
                    return False
            if trial == 0:  # the integer sums exact (no saturating kernel), scaled within ROUNDING
                rounded, scale, estimate = self.estimates(queries)
                expected = (rounded @ self.quantised.T.astype(np.int64)) * (float(scale) * self.scale.astype(np.float64))
                if np.abs(rounded).max() > QUERY_LEVELS or np.abs(estimate - expected).max() > ROUNDING / 10:
                    return False
        return checked > 0


def _up(values: np.ndarray) -> np.ndarray:
    """float32 values >= `values` (a bound stays a bound when it is stored in float32)."""
    out = values.astype(np.float32)
    return np.where(out < values, np.nextafter(out, np.float32(np.inf)), out).astype(np.float32)


# ---- the bounding graph, written without the onnx package (its import takes ~1.5 s) -------------------------------

def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field(number: int, payload: bytes | int | str) -> bytes:
    """One protobuf field: a non-negative int as a varint, bytes / str length-delimited."""
    if isinstance(payload, int):
        return _varint(number << 3) + _varint(payload)
    data = payload.encode() if isinstance(payload, str) else payload
    return _varint(number << 3 | 2) + _varint(len(data)) + data


_FLOAT, _UINT8, _INT8, _INT32, _INT64 = 1, 2, 3, 6, 7  # onnx TensorProto.DataType
_ATTR_INT, _ATTR_INTS = 2, 7  # onnx AttributeProto.AttributeType


def _tensor(name: str, array: np.ndarray, kind: int) -> bytes:
    dims = b"".join(_field(1, int(d)) for d in array.shape)
    return dims + _field(2, kind) + _field(8, name) + _field(9, np.ascontiguousarray(array).tobytes())


def _value_info(name: str, kind: int, shape: tuple[int | str, ...]) -> bytes:
    dims = b"".join(_field(1, _field(2, d) if isinstance(d, str) else _field(1, d)) for d in shape)
    return _field(1, name) + _field(2, _field(1, _field(1, kind) + _field(2, dims)))


def _node(op: str, inputs: list[str], output: str | list[str], domain: str = "", **attrs: int | list[int]) -> bytes:
    outputs = [output] if isinstance(output, str) else output
    out = b"".join(_field(1, i) for i in inputs) + b"".join(_field(2, o) for o in outputs) + _field(4, op)
    if domain:
        out += _field(7, domain)
    for name, value in attrs.items():
        if isinstance(value, list):
            attr = _field(1, name) + b"".join(_field(8, v) for v in value) + _field(20, _ATTR_INTS)
        else:
            attr = _field(1, name) + _field(3, value) + _field(20, _ATTR_INT)
        out += _field(5, attr)
    return out


def bound_model(search: ExampleSearch) -> bytes:
    """A serialised ONNX model (IR 8, opsets 17 and com.microsoft 1) of steps 1-3 of the module docstring. Input Q
    (r, d) float32: the query rows, rounded with one scale s_q = max |q_j| / QUERY_LEVELS. Outputs: `over` (r, n) =
    upper bound - the row's k-th largest lower bound (the candidates: examples with over >= 0 in some row); `scale`
    (s_q: the rows are usable when it is > 0); `A` (r, d) uint8 and `estimate` (r, n), for the checks."""
    d, n = search.pool.shape[1], len(search.pool)
    constants: list[tuple[str, np.ndarray, int]] = [
        ("B", np.ascontiguousarray(search.quantised.T), _INT8),
        ("zero", np.array(QUERY_LEVELS + 1, np.uint8), _UINT8),
        ("levels", np.array(QUERY_LEVELS, np.float32), _FLOAT),
        ("offset", np.array(QUERY_LEVELS + 1, np.float32), _FLOAT),
        ("rounding", np.array(ROUNDING, np.float32), _FLOAT),
        ("example_scale", search.scale, _FLOAT),
        ("example_error", search.error, _FLOAT),
        ("example_norm", search.approx_norm, _FLOAT),
        ("k", np.array([search.k], np.int64), _INT64)]
    nodes = [
        _node("Abs", ["Q"], "abs_q"),
        _node("ReduceMax", ["abs_q"], "peak", keepdims=0),
        _node("Div", ["peak", "levels"], "scale"),  # s_q
        _node("Div", ["Q", "scale"], "q_over_scale"),
        _node("Round", ["q_over_scale"], "q_hat"),
        _node("Mul", ["q_hat", "scale"], "q_approx"),
        _node("Sub", ["Q", "q_approx"], "q_error"),  # e_q
        _node("ReduceSumSquare", ["q_error"], "q_error_sq", axes=[1], keepdims=1),
        _node("Sqrt", ["q_error_sq"], "q_error_norm"),
        _node("ReduceSumSquare", ["Q"], "q_sq", axes=[1], keepdims=1),
        _node("Sqrt", ["q_sq"], "q_norm"),
        _node("Add", ["q_hat", "offset"], "q_shifted"),
        _node("Cast", ["q_shifted"], "A", to=_UINT8),
        # s_q s_p (q_hat . p_hat): exact integer sums (|sum| <= 640 x 63 x 127), then two float32 products
        _node("MatMulIntegerToFloat", ["A", "B", "scale", "example_scale", "zero"], "estimate", domain="com.microsoft"),
        _node("Mul", ["q_norm", "example_error"], "slack_example"),
        _node("Mul", ["q_error_norm", "example_norm"], "slack_query"),
        _node("Add", ["slack_example", "slack_query"], "slack_sum"),
        _node("Add", ["slack_sum", "rounding"], "slack"),
        _node("Sub", ["estimate", "slack"], "lower"),
        _node("Add", ["estimate", "slack"], "upper"),
        _node("TopK", ["lower", "k"], ["top_lower", "top_index"], axis=1, largest=1, sorted=0),
        _node("ReduceMin", ["top_lower"], "kth", axes=[1], keepdims=1),
        _node("Sub", ["upper", "kth"], "over"),
    ]
    if len(search.probe_index):  # the probe's largest lower bound per row, and how far each upper bound reaches it
        constants.append(("probe_index", search.probe_index.astype(np.int64), _INT64))
        nodes += [_node("Gather", ["lower", "probe_index"], "probe_lower", axis=1),
                  _node("ReduceMax", ["probe_lower"], "probe_floor", axes=[1], keepdims=1),
                  _node("Gather", ["upper", "probe_index"], "probe_upper", axis=1),
                  _node("Sub", ["probe_upper", "probe_floor"], "probe_over")]
    graph = (b"".join(_field(1, node) for node in nodes) + _field(2, "example_search")
             + b"".join(_field(5, _tensor(name, value, kind)) for name, value, kind in constants)
             + _field(11, _value_info("Q", _FLOAT, ("r", d)))
             + _field(12, _value_info("over", _FLOAT, ("r", n)))
             + _field(12, _value_info("scale", _FLOAT, ()))
             + _field(12, _value_info("A", _UINT8, ("r", d)))
             + _field(12, _value_info("estimate", _FLOAT, ("r", n)))
             + (_field(12, _value_info("probe_over", _FLOAT, ("r", len(search.probe_index))))
                if len(search.probe_index) else b""))
    opsets = _field(8, _field(1, "") + _field(2, 17)) + _field(8, _field(1, "com.microsoft") + _field(2, 1))
    return _field(1, 8) + _field(7, graph) + opsets
