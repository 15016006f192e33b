# SPDX-License-Identifier: Apache-2.0
"""vigie as its C++ users get it: installed into a fresh prefix, then linked
by a project outside the tree through CMake's find_package (shared and
static), through pkg-config (shared and static), and through add_subdirectory.

VIGIE_BUILD_DIR names a configured and built vigie (scripts/test.sh passes
build/release); everything else happens in pytest's temporary directories.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from licences import assert_licences
from vigie_version import SONAME, VERSION

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parents[1]
EXPECTED = "found EMAIL_ADDRESS FR_NIR FR_POSTAL_ADDRESS HEALTH_SEXUAL PERSON PHONE_NUMBER"


def run(*args, env=None, cwd=None):
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, env=env,
                            cwd=cwd)
    assert result.returncode == 0, (
        f"{' '.join(map(str, args))} exited {result.returncode}\n"
        f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result.stdout


def needed(binary):
    """The DT_NEEDED entries of an ELF file."""
    out = run("readelf", "-d", binary)
    return [line.split("[")[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line]


@pytest.fixture(scope="session")
def build_dir():
    path = os.environ.get("VIGIE_BUILD_DIR")
    if not path or not (Path(path) / "CMakeCache.txt").exists():
        pytest.fail("VIGIE_BUILD_DIR must name a configured and built vigie build directory")
    return Path(path).resolve()


@pytest.fixture(scope="session")
def prefix(build_dir, tmp_path_factory):
    """A fresh install of the build, as `cmake --install` makes it."""
    root = tmp_path_factory.mktemp("prefix")
    run("cmake", "--install", build_dir, "--prefix", root)
    return root


def downstream_cmake(tmp_path, prefix, *options):
    build = tmp_path / "build"
    run("cmake", "-S", HERE, "-B", build, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
        f"-DCMAKE_PREFIX_PATH={prefix}", *options)
    run("cmake", "--build", build)
    return build / "downstream"


def test_install_tree(prefix):
    lib = prefix / "lib"
    for header in ("vigie.h", "scanner.h", "detector.h", "validate.h", "version.h", "export.h"):
        assert (prefix / "include" / "vigie" / header).is_file(), header
    assert (lib / "libvigie.a").is_file()
    assert (lib / f"libvigie.so.{VERSION}").is_file()
    assert os.readlink(lib / SONAME) == f"libvigie.so.{VERSION}"
    assert os.readlink(lib / "libvigie.so") == SONAME
    for name in ("vigieConfig.cmake", "vigieConfigVersion.cmake", "vigieDependencies.cmake",
                 "vigie-shared-targets.cmake", "vigie-static-targets.cmake"):
        assert (lib / "cmake" / "vigie" / name).is_file(), name
    assert (lib / "pkgconfig" / "vigie.pc").is_file()
    assert (prefix / "bin" / "vigie").is_file()
    version = (prefix / "include" / "vigie" / "version.h").read_text()
    assert f'#define VIGIE_VERSION_STRING "{VERSION}"' in version


def test_install_tree_carries_the_licences(prefix):
    # vigie's licence and the embedded data's, where NOTICE says they are.
    assert_licences(prefix / "share" / "doc" / "vigie")
    pc = (prefix / "lib" / "pkgconfig" / "vigie.pc").read_text()
    assert "Apache License 2.0" in pc and "share/doc/vigie" in pc


def test_shared_library_exports_only_the_api(prefix):
    so = prefix / "lib" / f"libvigie.so.{VERSION}"
    soname = [line for line in run("readelf", "-d", so).splitlines() if "(SONAME)" in line]
    assert soname and f"[{SONAME}]" in soname[0]
    symbols = run("nm", "-D", "--defined-only", "-C", so).splitlines()
    names = [line.split(" ", 2)[2] for line in symbols if line.count(" ") >= 2]
    assert any(n.startswith("vigie::Scanner::Create") for n in names)
    assert any(n.startswith("vigie::ValidateNir") for n in names)
    # The engine, the detectors and the dependencies stay inside (the
    # public classes' private constructors name internal types, no more).
    leaked = [n for n in names if n.startswith(("vigie::internal", "vigie::data", "absl", "hs_",
                                                "icu_", "i18n::phonenumbers"))]
    assert not leaked, leaked[:10]


def test_find_package_shared(tmp_path, prefix):
    program = downstream_cmake(tmp_path, prefix)
    assert SONAME in needed(program)
    out = run(program)
    assert f"vigie {VERSION}" in out and EXPECTED in out


def test_find_package_static(tmp_path, prefix):
    program = downstream_cmake(tmp_path, prefix, "-Dvigie_USE_STATIC_LIBS=ON")
    assert not any("vigie" in lib for lib in needed(program))
    assert EXPECTED in run(program)


def test_find_package_checks_the_version(tmp_path, prefix):
    def configure(wanted):
        return subprocess.run(
            ["cmake", "-S", HERE, "-B", tmp_path / wanted, f"-DCMAKE_PREFIX_PATH={prefix}",
             f"-DVIGIE_WANTED_VERSION={wanted}"], capture_output=True, text=True)

    major, minor = (int(n) for n in VERSION.split(".")[:2])
    assert configure(f"{major}.{minor}").returncode == 0
    # 0.x: another minor version is another API.
    other = configure(f"{major}.{minor + 1}")
    assert other.returncode != 0
    assert f"vigieConfig.cmake, version: {VERSION}" in other.stderr


def pkg_config(prefix, *args):
    env = dict(os.environ, PKG_CONFIG_PATH=str(prefix / "lib" / "pkgconfig"))
    return run("pkg-config", *args, "vigie", env=env).split()


@pytest.fixture(scope="session")
def moved_prefix(prefix, tmp_path_factory):
    """The installed tree copied elsewhere: its .pc file finds its prefix."""
    moved = tmp_path_factory.mktemp("moved") / "vigie"
    shutil.copytree(prefix, moved, symlinks=True)
    return moved


def test_pkg_config_shared(tmp_path, moved_prefix):
    assert pkg_config(moved_prefix, "--modversion") == [VERSION]
    libdir = pkg_config(moved_prefix, "--variable=libdir")[0]
    assert Path(libdir).resolve() == (moved_prefix / "lib").resolve()
    program = tmp_path / "downstream"
    run("g++", "-std=c++20", HERE / "main.cc", "-o", program,
        *pkg_config(moved_prefix, "--cflags", "--libs"), f"-Wl,-rpath,{libdir}")
    assert SONAME in needed(program)
    assert EXPECTED in run(program)


def test_pkg_config_static(tmp_path, moved_prefix):
    # With both libraries installed, -lvigie means the shared one; the
    # archive is named (-l:libvigie.a) and --static adds its dependencies.
    libs = ["-l:libvigie.a" if flag == "-lvigie" else flag
            for flag in pkg_config(moved_prefix, "--static", "--libs")]
    program = tmp_path / "downstream"
    run("g++", "-std=c++20", HERE / "main.cc", "-o", program,
        *pkg_config(moved_prefix, "--cflags"), *libs)
    deps = needed(program)
    assert not any("vigie" in lib for lib in deps)
    assert any(lib.startswith("libhs.so") for lib in deps)
    assert EXPECTED in run(program)


def test_add_subdirectory(tmp_path):
    build = tmp_path / "build"
    run("cmake", "-S", HERE / "subdirectory", "-B", build, "-G", "Ninja",
        "-DCMAKE_BUILD_TYPE=Release", f"-DVIGIE_SOURCE_DIR={SOURCE}")
    run("cmake", "--build", build, "-j2")
    assert EXPECTED in run(build / "downstream")
    # As a dependency, vigie builds its library and nothing of its own.
    cache = (build / "CMakeCache.txt").read_text()
    for option in ("VIGIE_BUILD_TOOLS", "VIGIE_BUILD_TESTS", "VIGIE_BUILD_BENCHMARKS",
                   "VIGIE_BUILD_EXAMPLES", "VIGIE_INSTALL", "VIGIE_BUILD_SHARED"):
        assert f"{option}:BOOL=OFF" in cache, option
    assert not (build / "vigie" / "tools" / "vigie" / "vigie").exists()
    assert not any("vigie" in lib for lib in needed(build / "downstream"))
