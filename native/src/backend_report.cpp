#include "backend_report.h"

#include "ggml.h"
#include "ggml-backend.h"

#include <cstring>
#include <map>
#include <set>

std::string op_backends(ggml_cgraph * graph) {
    // the scheduler allocates a node in the compute buffer of the backend that runs it
    std::map<std::string, std::set<std::string>> where;
    bool backward = false;
    for (int i = 0; i < ggml_graph_n_nodes(graph); ++i) {
        const ggml_tensor * node = ggml_graph_node(graph, i);
        const ggml_backend_buffer_t buf = node->view_src ? node->view_src->buffer : node->buffer;
        if (!buf || ggml_is_empty(node)) continue;
        switch (node->op) {  // views and parameters compute nothing
            case GGML_OP_NONE: case GGML_OP_VIEW: case GGML_OP_RESHAPE: case GGML_OP_PERMUTE: case GGML_OP_TRANSPOSE:
                continue;
            default:
                break;
        }
        const char * op = ggml_op_name(node->op);
        backward = backward || node->op == GGML_OP_OUT_PROD || strstr(op, "_BACK") != nullptr;
        where[op].insert(ggml_backend_buffer_name(buf));
    }
    if (!backward) return "";
    std::string out;
    for (const auto & [op, backends] : where) {
        out += (out.empty() ? "" : " ") + op + "=";
        bool first = true;
        for (const auto & b : backends) {
            out += (first ? "" : "+") + b;
            first = false;
        }
    }
    return out;
}

int64_t loss_rows(ggml_cgraph * graph, int64_t * width) {
    for (int i = 0; i < ggml_graph_n_nodes(graph); ++i) {
        const ggml_tensor * node = ggml_graph_node(graph, i);
        if (node->op == GGML_OP_CROSS_ENTROPY_LOSS) {
            if (width) *width = node->src[0]->ne[0];
            return ggml_nrows(node->src[0]);
        }
    }
    return -1;
}
