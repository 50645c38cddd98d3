"""Demo data shipped with SaferPlan: the seed documents and where to find them."""

from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent
NSDC_2025 = SEEDS_DIR / "000_ef05e4690b3b8be0.txt"
NSDC_2026 = SEEDS_DIR / "001_64ebd2e55c3212dd.txt"
NORFOLK_2013 = SEEDS_DIR / "002_a5ecdc33d2645170.txt"
NOTTS_PCC_2019 = SEEDS_DIR / "003_104b8f77d4b015be.txt"
BOLSOVER_2017 = SEEDS_DIR / "004_68a5516c4da7ca5a.txt"
