# SPDX-License-Identifier: Apache-2.0
"""Conan 2 recipe for vigie's C++ library.

    conan create conan --build=missing                      # dependencies from ConanCenter
    conan create conan -pr:a conan/profiles/debian12 -nr    # dependencies from Debian

The recipe exports the source tree it sits in (no download) and builds the
library only; the command-line program and the tests stay out of the package.
"""

import os
import re

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy, load, rmdir
from conan.tools.gnu import PkgConfig

required_conan_version = ">=2.0.9"


class VigieConan(ConanFile):
    name = "vigie"
    description = "Finds personal and health data in text, French first"
    topics = ("dlp", "pii", "gdpr", "health-data", "redaction", "french")
    # vigie's code, then the data its library embeds (lib/data/NOTICE.md).
    license = ("Apache-2.0", "MPL-2.0", "CC-BY-4.0", "BSD-3-Clause", "MIT", "CC0-1.0", "etalab-2.0")
    package_type = "library"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True}
    implements = ["auto_shared_fpic"]

    @property
    def _root(self):
        return os.path.join(self.recipe_folder, "..")

    def set_version(self):
        # One version, CMake's project(VERSION).
        cmake = load(self, os.path.join(self._root, "CMakeLists.txt"))
        self.version = re.search(r"project\(vigie VERSION ([0-9.]+)", cmake).group(1)

    def export_sources(self):
        for pattern in ("CMakeLists.txt", "LICENSE", "NOTICE", "cmake/*", "include/*", "lib/*"):
            copy(self, pattern, self._root, self.export_sources_folder)

    def layout(self):
        cmake_layout(self)

    @property
    def _hyperscan(self):
        # Intel's Hyperscan on x86 (as scripts/setup.sh), Vectorscan elsewhere.
        return "hyperscan" if str(self.settings.arch) in ("x86", "x86_64") else "vectorscan"

    def requirements(self):
        # The versions Debian 12 ships are the floor; ConanCenter's newer ones fit.
        self.requires("abseil/[>=20220623 <20260000]")
        self.requires("icu/[>=72 <80]")
        self.requires("libphonenumber/[>=8.12 <10]")
        self.requires("openssl/[>=3.0 <4]")
        self.requires(f"{self._hyperscan}/[>=5.4 <6]")

    def validate(self):
        check_min_cppstd(self, 20)

    def generate(self):
        tc = CMakeToolchain(self)
        tc.cache_variables["VIGIE_BUILD_SHARED"] = bool(self.options.shared)
        tc.cache_variables["VIGIE_BUILD_STATIC"] = not self.options.shared
        for part in ("TOOLS", "TESTS", "BENCHMARKS", "EXAMPLES", "PYTHON", "FUZZERS"):
            tc.cache_variables[f"VIGIE_BUILD_{part}"] = False
        tc.cache_variables["VIGIE_INSTALL"] = True
        tc.generate()
        CMakeDeps(self).generate()

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def package(self):
        CMake(self).install()
        # The licences where Conan looks for them: vigie's, and those of the
        # data it embeds, at the paths NOTICE gives them (the install tree
        # puts the same files in share/doc/vigie).
        licenses = os.path.join(self.package_folder, "licenses")
        copy(self, "LICENSE", self.source_folder, licenses)
        copy(self, "NOTICE", self.source_folder, licenses)
        copy(self, "lib/data/NOTICE.md", self.source_folder, licenses)
        copy(self, "lib/data/*/LICENSE_*", self.source_folder, licenses)
        rmdir(self, os.path.join(self.package_folder, "share"))
        # Conan's generators describe the package to its consumers.
        rmdir(self, os.path.join(self.package_folder, "lib", "cmake"))
        rmdir(self, os.path.join(self.package_folder, "lib", "pkgconfig"))

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "vigie")
        self.cpp_info.set_property("cmake_target_name", "vigie::vigie")
        self.cpp_info.set_property("pkg_config_name", "vigie")
        self.cpp_info.libs = ["vigie"]
        if self.options.shared:
            return
        self.cpp_info.defines = ["VIGIE_STATIC_DEFINE"]
        self.cpp_info.system_libs = ["m", "pthread"]
        # A static libvigie needs its dependencies' libraries at link time.
        # Packages from ConanCenter bring them; a [platform_requires] entry
        # (a system package) is absent from the dependency set and brings
        # nothing, so its libraries are asked of the system's pkg-config
        # (libphonenumber has no .pc file: its one library is named).
        from_system = {
            "abseil": (["absl_flat_hash_map", "absl_strings", "absl_str_format"], []),
            "icu": (["icu-uc"], []),
            self._hyperscan: (["libhs"], []),
            "libphonenumber": ([], ["phonenumber"]),
            "openssl": (["libcrypto"], []),
        }
        packaged = {dependency.ref.name for dependency in self.dependencies.host.values()}
        for name, (modules, libs) in from_system.items():
            if name in packaged:
                continue
            self.cpp_info.system_libs.extend(libs)
            for module in modules:
                found = PkgConfig(self, module)
                self.cpp_info.system_libs.extend(found.libs)
                self.cpp_info.libdirs.extend(d for d in found.libdirs if d not in self.cpp_info.libdirs)
